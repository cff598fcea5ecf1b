using System.Globalization;
using System.Text.RegularExpressions;

namespace Scorecard.Domain.Periods;

internal static partial class PeriodParser
{
    public const string AcceptedForms =
        "Accepted period forms: 2023 (year), 2023-H1 or 2023-H2 (half-year; alias 2023S1, 2023S2), "
        + "2023-Q3 (quarter), 2023-07 (month), 2023-W30 (ISO week), 2023-07-25 (day), "
        + "2023-03-01..2023-03-31 (inclusive date range, at most 10 years), years 1900 to 2999.";

    public static bool TryParse(string? code, out Period? period, out string error)
    {
        period = null;
        error = string.Empty;
        var text = code?.Trim() ?? string.Empty;
        try
        {
            period = ParseOrNull(text);
        }
        catch (ArgumentOutOfRangeException)
        {
            period = null;
        }

        if (period is null)
        {
            error = $"'{code}' is not a valid period. {AcceptedForms}";
            return false;
        }

        return true;
    }

    private static Period? ParseOrNull(string text)
    {
        if (PeriodPattern().Match(text) is not { Success: true } m)
        {
            return RangeOrNull(text);
        }

        var year = Number(m.Groups["year"].Value);
        if (m.Groups["half"].Success)
        {
            return Period.HalfYear(year, Number(m.Groups["half"].Value));
        }

        if (m.Groups["quarter"].Success)
        {
            return Period.Quarter(year, Number(m.Groups["quarter"].Value));
        }

        if (m.Groups["week"].Success)
        {
            return Period.Week(year, Number(m.Groups["week"].Value));
        }

        if (m.Groups["month"].Success)
        {
            return Period.Month(year, Number(m.Groups["month"].Value));
        }

        return Period.Year(year);
    }

    private static Period? RangeOrNull(string text)
    {
        var parts = text.Split("..");
        if (parts.Length is < 1 or > 2 || !TryDay(parts[0], out var from))
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return Period.Day(from);
        }

        return TryDay(parts[1], out var to) ? Period.Range(from, to) : null;
    }

    private static bool TryDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^(?<year>[0-9]{4})(?:-[Hh](?<half>[12])|-?[Ss](?<half>[12])|-[Qq](?<quarter>[1-4])"
            + @"|-[Ww](?<week>[0-9]{2})|-(?<month>[0-9]{2}))?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000
    )]
    private static partial Regex PeriodPattern();
}
