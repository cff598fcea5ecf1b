using System.Globalization;
using Scorecard.Domain.Time;

namespace Scorecard.Domain.Periods;

/// <summary>
/// An inclusive span of Vietnam calendar days named by a period code (<c>2023</c>, <c>2023-H2</c>,
/// <c>2023-Q3</c>, <c>2023-07</c>, <c>2023-W30</c>, <c>2023-07-25</c>, <c>2023-03-01..2023-03-31</c>).
/// Two periods are equal when kind and days are equal.
/// </summary>
public sealed record Period
{
    /// <summary>Longest accepted date range, in years.</summary>
    public const int MaxRangeYears = 10;

    internal const int MinYear = 1900;
    internal const int MaxYear = 2999;

    private Period(PeriodKind kind, DateOnly firstDay, DateOnly lastDay)
    {
        Kind = kind;
        FirstDay = firstDay;
        LastDay = lastDay;
    }

    public PeriodKind Kind { get; }

    /// <summary>First Vietnam day of the period (inclusive).</summary>
    public DateOnly FirstDay { get; }

    /// <summary>Last Vietnam day of the period (inclusive).</summary>
    public DateOnly LastDay { get; }

    /// <summary>Canonical code, e.g. <c>2023-H1</c> for the alias <c>2023S1</c>.</summary>
    public string Code => PeriodFormatter.Format(this);

    /// <summary>UTC instant of <see cref="FirstDay"/> 00:00+07:00.</summary>
    public DateTimeOffset Start => VietnamTime.StartOf(FirstDay);

    /// <summary>UTC instant of the day after <see cref="LastDay"/> 00:00+07:00 (exclusive).</summary>
    public DateTimeOffset End => VietnamTime.StartOf(LastDay.AddDays(1));

    public static Period Year(int year) =>
        new(PeriodKind.Year, new DateOnly(CheckYear(year), 1, 1), new DateOnly(year, 12, 31));

    public static Period HalfYear(int year, int half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(half, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(half, 2);
        var first = new DateOnly(CheckYear(year), (half * 6) - 5, 1);
        return new(PeriodKind.HalfYear, first, first.AddMonths(6).AddDays(-1));
    }

    public static Period Quarter(int year, int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        var first = new DateOnly(CheckYear(year), (quarter * 3) - 2, 1);
        return new(PeriodKind.Quarter, first, first.AddMonths(3).AddDays(-1));
    }

    public static Period Month(int year, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        var first = new DateOnly(CheckYear(year), month, 1);
        return new(PeriodKind.Month, first, first.AddMonths(1).AddDays(-1));
    }

    /// <summary>ISO 8601 week (Monday to Sunday) of an ISO week-numbering year.</summary>
    public static Period Week(int isoYear, int week)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(week, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(week, ISOWeek.GetWeeksInYear(CheckYear(isoYear)));
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(isoYear, week, DayOfWeek.Monday));
        return new(PeriodKind.Week, monday, monday.AddDays(6));
    }

    public static Period Day(DateOnly day)
    {
        CheckYear(day.Year);
        return new(PeriodKind.Day, day, day);
    }

    /// <summary>Inclusive range of days, at most <see cref="MaxRangeYears"/> years long.</summary>
    public static Period Range(DateOnly from, DateOnly to)
    {
        CheckYear(from.Year);
        CheckYear(to.Year);
        if (to < from)
        {
            throw new ArgumentOutOfRangeException(nameof(to), "The range must not end before it starts.");
        }

        if (to >= from.AddYears(MaxRangeYears))
        {
            throw new ArgumentOutOfRangeException(nameof(to), $"A range may span at most {MaxRangeYears} years.");
        }

        return new(PeriodKind.Range, from, to);
    }

    public static Period Parse(string code) =>
        TryParse(code, out var period, out var error) ? period! : throw new FormatException(error);

    /// <summary>Parses any accepted form; on failure <paramref name="error"/> lists the accepted forms.</summary>
    public static bool TryParse(string? code, out Period? period, out string error) =>
        PeriodParser.TryParse(code, out period, out error);

    /// <summary>True when the instant falls in [<see cref="Start"/>, <see cref="End"/>).</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>True once the whole period lies in the past: <paramref name="asOf"/> ≥ <see cref="End"/>.</summary>
    public bool IsClosedAt(DateTimeOffset asOf) => asOf >= End;

    /// <summary>
    /// The whole days, ISO weeks or calendar months that overlap this period, in order. The first and
    /// last may extend beyond it (a month series over 2023-W05 gives 2023-01 and 2023-02).
    /// </summary>
    public IEnumerable<Period> Split(SeriesInterval interval) =>
        interval switch
        {
            SeriesInterval.Day => Steps(FirstDay, d => d.AddDays(1), Day),
            SeriesInterval.Week => Steps(
                FirstDay.AddDays(-(((int)FirstDay.DayOfWeek + 6) % 7)),
                d => d.AddDays(7),
                d =>
                    Week(
                        ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)),
                        ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue))
                    )
            ),
            SeriesInterval.Month => Steps(
                new DateOnly(FirstDay.Year, FirstDay.Month, 1),
                d => d.AddMonths(1),
                d => Month(d.Year, d.Month)
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(interval), interval, "Unknown interval."),
        };

    public override string ToString() => Code;

    private IEnumerable<Period> Steps(DateOnly first, Func<DateOnly, DateOnly> next, Func<DateOnly, Period> make)
    {
        for (var d = first; d <= LastDay; d = next(d))
        {
            yield return make(d);
        }
    }

    private static int CheckYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        return year;
    }
}
