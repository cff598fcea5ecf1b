using Scorecard.Domain.Time;

namespace Scorecard.Domain.Calendar;

/// <summary>
/// Working days: Monday to Friday minus holidays, plus make-up working days. When a date appears
/// more than once, the last entry wins.
/// <para>
/// Deadline rule ("working time"): only time on working days runs, around the clock, 24 hours per
/// working day (Vietnam time). A dossier received on a working day at local time t is due at t on the
/// N-th following working day; one received on a non-working day starts its clock at 00:00 of the
/// next working day, so it is due at the end (24:00) of the N-th working day counting that day.
/// </para>
/// </summary>
public sealed class WorkCalendar
{
    private const int MaxDaysScanned = 366 * 50;
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private readonly Dictionary<DateOnly, CalendarDayKind> exceptions;

    public WorkCalendar(IEnumerable<CalendarDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        exceptions = [];
        foreach (var day in days)
        {
            exceptions[day.Date] = day.Kind;
        }
    }

    /// <summary>A calendar with no holidays: Monday to Friday only.</summary>
    public static WorkCalendar WeekdaysOnly { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) =>
        exceptions.TryGetValue(date, out var kind)
            ? kind == CalendarDayKind.WorkingDay
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The instant at which <paramref name="n"/> working days of working time have run from <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        return AddWorkingTime(start, OneDay * n);
    }

    /// <summary>The earliest instant at which <paramref name="amount"/> of working time has run from <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        if (amount == TimeSpan.Zero)
        {
            return start.ToUniversalTime();
        }

        var day = VietnamTime.DateOf(start);
        var cursor = start.ToUniversalTime();
        var remaining = amount;
        for (var scanned = 0; scanned < MaxDaysScanned; scanned++, day = day.AddDays(1))
        {
            var dayEnd = VietnamTime.StartOf(day.AddDays(1));
            if (IsWorkingDay(day))
            {
                var available = dayEnd - cursor;
                if (remaining <= available)
                {
                    return cursor + remaining;
                }

                remaining -= available;
            }

            cursor = dayEnd;
        }

        throw new InvalidOperationException("The calendar has no working days in the next 50 years.");
    }

    /// <summary>Working time between two instants (negative when <paramref name="to"/> is earlier).</summary>
    public TimeSpan WorkingTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -WorkingTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        var cursor = from.ToUniversalTime();
        for (var day = VietnamTime.DateOf(from); cursor < to; day = day.AddDays(1))
        {
            var dayEnd = VietnamTime.StartOf(day.AddDays(1));
            var segmentEnd = dayEnd < to ? dayEnd : to.ToUniversalTime();
            if (IsWorkingDay(day))
            {
                total += segmentEnd - cursor;
            }

            cursor = dayEnd;
        }

        return total;
    }

    /// <summary>Whole working days of working time between two instants (truncated toward zero).</summary>
    public int CountWorkingDays(DateTimeOffset from, DateTimeOffset to) =>
        (int)(WorkingTimeBetween(from, to).Ticks / OneDay.Ticks);

    /// <summary>Working days among the Vietnam dates <paramref name="first"/> to <paramref name="last"/>, inclusive.</summary>
    public int CountWorkingDays(DateOnly first, DateOnly last)
    {
        var count = 0;
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            count += IsWorkingDay(d) ? 1 : 0;
        }

        return count;
    }
}
