using System.Globalization;
using System.Text;

namespace Scorecard.Domain.Calendar;

/// <summary>Splits one CSV line with RFC 4180 quoting (no line breaks inside fields).</summary>
internal static class CsvLine
{
    public static List<string> Split(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < line.Length)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }

            i++;
        }

        if (quoted)
        {
            throw new FormatException(
                string.Create(CultureInfo.InvariantCulture, $"Holiday table line {lineNumber}: unterminated quote.")
            );
        }

        fields.Add(field.ToString());
        return fields;
    }
}
