namespace Scorecard.Domain.Procedures;

/// <summary>
/// Unit of a statutory processing time. Wire names <c>working-days</c> (office time of working days,
/// decimals allowed), <c>hours</c> (working hours: office time), <c>same-day</c> (trong ngày: due at the
/// end of the day, or of the next working day after the cut-off) and <c>days</c> (calendar days).
/// </summary>
public enum ProcessingTimeUnit
{
    WorkingDays,
    Days,
    Hours,
    SameDay,
}
