using System.Globalization;

namespace Scorecard.Domain.Periods;

internal static class PeriodFormatter
{
    private const string DayFormat = "yyyy-MM-dd";

    public static string Format(Period p)
    {
        var c = CultureInfo.InvariantCulture;
        return p.Kind switch
        {
            PeriodKind.Year => p.FirstDay.Year.ToString("D4", c),
            PeriodKind.HalfYear => string.Create(c, $"{p.FirstDay.Year:D4}-H{((p.FirstDay.Month - 1) / 6) + 1}"),
            PeriodKind.Quarter => string.Create(c, $"{p.FirstDay.Year:D4}-Q{((p.FirstDay.Month - 1) / 3) + 1}"),
            PeriodKind.Month => string.Create(c, $"{p.FirstDay.Year:D4}-{p.FirstDay.Month:D2}"),
            PeriodKind.Week => FormatWeek(p.FirstDay, c),
            PeriodKind.Day => p.FirstDay.ToString(DayFormat, c),
            _ => p.FirstDay.ToString(DayFormat, c) + ".." + p.LastDay.ToString(DayFormat, c),
        };
    }

    private static string FormatWeek(DateOnly monday, CultureInfo c)
    {
        var dt = monday.ToDateTime(TimeOnly.MinValue);
        return string.Create(c, $"{ISOWeek.GetYear(dt):D4}-W{ISOWeek.GetWeekOfYear(dt):D2}");
    }
}
