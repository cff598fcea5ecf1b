namespace Scorecard.Domain.Periods;

/// <summary>
/// The periods reports are made for — months, quarters, half-years and years — around given months.
/// </summary>
public static class CalendarPeriods
{
    /// <summary>True for the four kinds of calendar period (not weeks, days or ranges).</summary>
    public static bool IsCalendar(PeriodKind kind) =>
        kind is PeriodKind.Month or PeriodKind.Quarter or PeriodKind.HalfYear or PeriodKind.Year;

    /// <summary>The month, quarter, half-year and year that contain <paramref name="day"/>, shortest first.</summary>
    public static IReadOnlyList<Period> Containing(DateOnly day) =>
        [
            Period.Month(day.Year, day.Month),
            Period.Quarter(day.Year, ((day.Month - 1) / 3) + 1),
            Period.HalfYear(day.Year, ((day.Month - 1) / 6) + 1),
            Period.Year(day.Year),
        ];

    /// <summary>
    /// Every month, quarter, half-year and year containing one of the months from <paramref name="first"/>'s
    /// to <paramref name="last"/>'s, each once, in order of first day and then from the shortest.
    /// </summary>
    public static IReadOnlyList<Period> Overlapping(DateOnly first, DateOnly last) => Distinct(Months(first, last));

    /// <summary>Every month, quarter, half-year and year containing one of <paramref name="days"/>, each once, ordered
    /// as <see cref="Overlapping"/>.</summary>
    public static IReadOnlyList<Period> Distinct(IEnumerable<DateOnly> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        return [.. days.SelectMany(Containing).Distinct().OrderBy(p => p.FirstDay).ThenBy(p => p.LastDay)];
    }

    /// <summary>The first day of each month from <paramref name="first"/>'s to <paramref name="last"/>'s (none when
    /// last is earlier).</summary>
    public static IEnumerable<DateOnly> Months(DateOnly first, DateOnly last)
    {
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            yield return month;
        }
    }
}
