using Scorecard.Domain.Calendar;
using Scorecard.Domain.Time;

namespace Scorecard.Domain.Procedures;

/// <summary>The statutory processing time of a procedure, e.g. 15 working days, 0.5 working days, 4 hours or same
/// day.</summary>
public readonly record struct ProcessingTime(decimal Value, ProcessingTimeUnit Unit)
{
    /// <summary>
    /// The deadline for a dossier received at <paramref name="receivedAt"/>: working days and hours run
    /// on office time (<see cref="WorkCalendar"/>); a same-day procedure received on a working day before
    /// the cut-off is due when that day's office time ends, otherwise when the next working day's ends;
    /// days are calendar days of 24 hours.
    /// </summary>
    public DateTimeOffset DueFrom(DateTimeOffset receivedAt, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(Value);
        return Unit switch
        {
            ProcessingTimeUnit.WorkingDays => calendar.AddWorkingDays(receivedAt, Value),
            ProcessingTimeUnit.Hours => calendar.AddWorkingTime(
                receivedAt,
                TimeSpan.FromTicks((long)(TimeSpan.TicksPerHour * Value))
            ),
            ProcessingTimeUnit.SameDay => SameDay(receivedAt, calendar),
            ProcessingTimeUnit.Days => receivedAt.ToUniversalTime().AddTicks((long)(TimeSpan.TicksPerDay * Value)),
            _ => throw new InvalidOperationException($"Unknown processing time unit {Unit}."),
        };
    }

    private static DateTimeOffset SameDay(DateTimeOffset receivedAt, WorkCalendar calendar)
    {
        var day = VietnamTime.DateOf(receivedAt);
        var local = TimeOnly.FromTimeSpan(receivedAt.ToUniversalTime() - VietnamTime.StartOf(day));
        var inTime = calendar.IsWorkingDay(day) && local < calendar.HoursOn(day).SameDayCutoff;
        return calendar.EndOfWorkingDay(inTime ? day : day.AddDays(1));
    }
}
