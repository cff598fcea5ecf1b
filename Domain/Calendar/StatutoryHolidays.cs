using System.Globalization;
using Scorecard.Domain.Wire;

namespace Scorecard.Domain.Calendar;

/// <summary>
/// Reads the holiday table shipped as seed data: CSV text with the header <c>date,kind,name,source</c>,
/// RFC 4180 quoting (fields in double quotes, <c>""</c> for a quote), dates <c>yyyy-MM-dd</c>,
/// kinds <c>holiday</c> or <c>working-day</c>. The <c>source</c> column is informative and ignored.
/// </summary>
public static class StatutoryHolidays
{
    private static readonly string[] Header = ["date", "kind", "name", "source"];

    /// <exception cref="FormatException">A line is malformed; the message gives its number.</exception>
    public static IReadOnlyList<CalendarDay> Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.ReplaceLineEndings("\n").Split('\n');
        var days = new List<CalendarDay>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimStart('\uFEFF');
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var fields = CsvLine.Split(line, i + 1);
            if (days.Count == 0 && fields.SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            days.Add(ToDay(fields, i + 1));
        }

        return days;
    }

    private static CalendarDay ToDay(List<string> fields, int lineNumber)
    {
        if (fields.Count < 3)
        {
            throw Error(lineNumber, "expected date,kind,name,source");
        }

        if (
            !DateOnly.TryParseExact(
                fields[0],
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date
            )
        )
        {
            throw Error(lineNumber, $"'{fields[0]}' is not a yyyy-MM-dd date");
        }

        if (!WireName.TryParse<CalendarDayKind>(fields[1], out var kind))
        {
            throw Error(lineNumber, $"kind '{fields[1]}' is not 'holiday' or 'working-day'");
        }

        return new CalendarDay(date, kind, fields[2]);
    }

    private static FormatException Error(int lineNumber, string message) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Holiday table line {lineNumber}: {message}."));
}
