using Scorecard.Domain.Calendar;

namespace Scorecard.Domain.Procedures;

/// <summary>The statutory processing time of a procedure, e.g. 15 working days.</summary>
public readonly record struct ProcessingTime(int Value, ProcessingTimeUnit Unit)
{
    /// <summary>
    /// The deadline for a dossier received at <paramref name="receivedAt"/>: working days and hours
    /// run on working time (<see cref="WorkCalendar"/>); days are calendar days of 24 hours.
    /// </summary>
    public DateTimeOffset DueFrom(DateTimeOffset receivedAt, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(Value);
        return Unit switch
        {
            ProcessingTimeUnit.WorkingDays => calendar.AddWorkingDays(receivedAt, Value),
            ProcessingTimeUnit.Hours => calendar.AddWorkingTime(receivedAt, TimeSpan.FromHours(Value)),
            ProcessingTimeUnit.Days => receivedAt.ToUniversalTime().AddDays(Value),
            _ => throw new InvalidOperationException($"Unknown processing time unit {Unit}."),
        };
    }
}
