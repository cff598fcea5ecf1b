namespace Scorecard.Domain.Periods;

/// <summary>The step of a time series: each point is one whole day, ISO week or month.</summary>
public enum SeriesInterval
{
    Day,
    Week,
    Month,
}
