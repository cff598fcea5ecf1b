using System.Globalization;

namespace Scorecard.Domain.Calendar;

/// <summary>Reads the statutory holiday table (date,kind,name,source; quoted fields allowed).</summary>
public static class StatutoryHolidays
{
    public static IReadOnlyList<CalendarDay> Parse(string csv)
    {
        var days = new List<CalendarDay>();
        foreach (var line in csv.Split('\n').Skip(1).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0))
        {
            var fields = SplitCsvLine(line);
            var kind = fields[1] == "working-day" ? CalendarDayKind.WorkingDay : CalendarDayKind.Holiday;
            days.Add(new CalendarDay(DateOnly.ParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), kind, fields[2]));
        }

        return days;
    }

    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
