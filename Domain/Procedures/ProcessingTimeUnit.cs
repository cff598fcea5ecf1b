namespace Scorecard.Domain.Procedures;

/// <summary>Unit of a statutory processing time. Wire names <c>working-days</c>, <c>days</c>, <c>hours</c>.</summary>
public enum ProcessingTimeUnit
{
    WorkingDays,
    Days,
    Hours,
}
