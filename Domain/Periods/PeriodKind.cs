namespace Scorecard.Domain.Periods;

/// <summary>The form a period code was written in.</summary>
public enum PeriodKind
{
    Year,
    HalfYear,
    Quarter,
    Month,
    Week,
    Day,
    Range,
}
