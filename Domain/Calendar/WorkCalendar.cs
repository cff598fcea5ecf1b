using Scorecard.Domain.Time;

namespace Scorecard.Domain.Calendar;

/// <summary>
/// Working days and office time: Monday to Friday minus holidays, plus make-up working days (when a
/// date appears more than once, the last entry wins), each with the office hours in force that day.
/// <para>
/// Deadline rule ("working time"): only office time on working days runs, in Vietnam time. A working
/// day of deadline is one working day's office time (eight hours by default), counted from reception;
/// a dossier received outside office hours starts its clock at the next opening. So a one-day
/// procedure received Monday 16:00 is due Tuesday 16:00, and one received Saturday is due at the end
/// of Monday's office hours.
/// </para>
/// </summary>
public sealed class WorkCalendar
{
    private const int MaxDaysScanned = 366 * 50;
    private readonly Dictionary<DateOnly, CalendarDayKind> exceptions;
    private readonly OfficeHours[] hours;

    public WorkCalendar(IEnumerable<CalendarDay> days, IEnumerable<OfficeHours>? officeHours = null)
    {
        ArgumentNullException.ThrowIfNull(days);
        exceptions = [];
        foreach (var day in days)
        {
            exceptions[day.Date] = day.Kind;
        }

        hours = [.. (officeHours ?? []).OrderBy(h => h.ValidFrom)];
        if (hours.Length == 0)
        {
            hours = [OfficeHours.Default];
        }
    }

    /// <summary>A calendar with no holidays: Monday to Friday only, default office hours.</summary>
    public static WorkCalendar WeekdaysOnly { get; } = new([]);

    /// <summary>The office hours in force on a day (the first entry's before it starts).</summary>
    public OfficeHours HoursOn(DateOnly day)
    {
        var found = hours[0];
        foreach (var entry in hours)
        {
            if (entry.ValidFrom > day)
            {
                break;
            }

            found = entry;
        }

        return found;
    }

    public bool IsWorkingDay(DateOnly date) =>
        exceptions.TryGetValue(date, out var kind)
            ? kind == CalendarDayKind.WorkingDay
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The instant at which <paramref name="n"/> working days (decimals allowed: 0.5 is half a day) of
    /// office time have run from <paramref name="start"/>; a working day is the office time of the day
    /// the count starts on.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, decimal n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = HoursOn(VietnamTime.DateOf(start)).WorkingDay;
        return AddWorkingTime(
            start,
            TimeSpan.FromTicks((long)Math.Round(day.Ticks * n, MidpointRounding.AwayFromZero))
        );
    }

    /// <summary>The earliest instant at which <paramref name="amount"/> of office time has run from <paramref
    /// name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var cursor = start.ToUniversalTime();
        var remaining = amount;
        var day = VietnamTime.DateOf(start);
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++, day = day.AddDays(1))
        {
            foreach (var (open, close) in OfficeTime(day))
            {
                if (close <= cursor)
                {
                    continue;
                }

                var from = open > cursor ? open : cursor;
                if (remaining <= close - from)
                {
                    return from + remaining;
                }

                remaining -= close - from;
                cursor = close;
            }
        }

        throw new InvalidOperationException("The calendar has no working days in the next 50 years.");
    }

    /// <summary>Office time between two instants (negative when <paramref name="to"/> is earlier).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        for (var day = VietnamTime.DateOf(from); day <= VietnamTime.DateOf(to); day = day.AddDays(1))
        {
            foreach (var (open, close) in OfficeTime(day))
            {
                var start = open > from ? open : from;
                var end = close < to ? close : to;
                if (end > start)
                {
                    total += end - start;
                }
            }
        }

        return total;
    }

    /// <summary>The end of office time on the first working day on or after <paramref name="day"/>.</summary>
    public DateTimeOffset EndOfWorkingDay(DateOnly day)
    {
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++, day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                return VietnamTime.StartOf(day) + HoursOn(day).Closing.ToTimeSpan();
            }
        }

        throw new InvalidOperationException("The calendar has no working days in the next 50 years.");
    }

    /// <summary>Whole working days of office time between two instants (truncated toward zero).</summary>
    public int CountWorkingDays(DateTimeOffset from, DateTimeOffset to) =>
        (int)(WorkingTimeBetween(from, to).Ticks / HoursOn(VietnamTime.DateOf(from)).WorkingDay.Ticks);

    /// <summary>Working days among the Vietnam dates <paramref name="first"/> to <paramref name="last"/>,
    /// inclusive.</summary>
    public int CountWorkingDays(DateOnly first, DateOnly last)
    {
        var count = 0;
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            count += IsWorkingDay(d) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The office spans of a day as instants (none on a non-working day).</summary>
    private IEnumerable<(DateTimeOffset Open, DateTimeOffset Close)> OfficeTime(DateOnly day)
    {
        if (!IsWorkingDay(day))
        {
            yield break;
        }

        var midnight = VietnamTime.StartOf(day);
        foreach (var period in HoursOn(day).Periods)
        {
            yield return (midnight + period.Start.ToTimeSpan(), midnight + period.End.ToTimeSpan());
        }
    }
}
