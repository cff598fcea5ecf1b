namespace Scorecard.Infrastructure.Feeds;

/// <summary>Where the feeds' SQL differs between SQLite and SQL Server: one object per provider, side by
/// side.</summary>
internal abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect SqlServer = new SqlServerDialect();

    /// <summary>The feed SQL dialect of a database.</summary>
    public static SqlDialect For(Database.DatabaseProvider provider) =>
        provider == Database.DatabaseProvider.Sqlite ? Sqlite : SqlServer;

    /// <summary>Rows of one page after ORDER BY: parameters <c>@__take</c> and <c>@__skip</c>.</summary>
    public abstract string Page { get; }

    public abstract string CountAll { get; }

    /// <summary>True when the database compares row values (<c>(a, b) &gt; (@x, @y)</c>) and seeks an index with
    /// them (SQLite); SQL Server has no row values.</summary>
    public virtual bool RowValues => false;

    /// <summary>A name quoted as an identifier (both databases read double quotes so).</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public abstract string Concat(string left, string right);

    /// <summary>year, month, day, hour, minute or second of an instant (UTC) or a date.</summary>
    public abstract string DatePart(string part, string value);

    /// <summary>The UTC calendar date of an instant.</summary>
    public abstract string DateOf(string instant);

    /// <summary>The UTC time of day of an instant, comparable with <see cref="TimeValue"/>.</summary>
    public abstract string TimeOf(string instant);

    /// <summary>A time-of-day literal as a parameter value that compares with <see cref="TimeOf"/>.</summary>
    public abstract object TimeValue(TimeOnly time);

    public abstract string CastToText(string value);

    /// <summary>A number cast to an integer, truncated toward zero.</summary>
    public abstract string CastToInteger(string value);

    public abstract string CastToReal(string value);

    public abstract string Length(string text);

    public abstract string IndexOf(string text, string fragment);

    public abstract string Substring(string text, string start, string? length);

    public abstract string Trim(string text);

    public abstract string Round(string value);

    public abstract string Floor(string value);

    public abstract string Ceiling(string value);

    /// <summary>contains/startswith/endswith with a fragment that is an expression or a parameter (case-sensitive on
    /// SQLite; the column's collation decides on SQL Server).</summary>
    public abstract string Match(StringMatch kind, string text, string fragment);

    /// <summary>The same with a literal fragment: a LIKE pattern where the provider prefers one, else null.</summary>
    public abstract string? LikePattern(StringMatch kind, string literal);

    private sealed class SqliteDialect : SqlDialect
    {
        public override string Page => "LIMIT @__take OFFSET @__skip";

        public override string CountAll => "COUNT(*)";

        public override bool RowValues => true;

        public override string Concat(string left, string right) => $"({left} || {right})";

        // Instants are 'yyyy-MM-ddTHH:mm:ss.fffffffZ' and dates 'yyyy-MM-dd': the parts sit at fixed places.
        public override string DatePart(string part, string value) =>
            part switch
            {
                "year" => $"CAST(substr({value}, 1, 4) AS INTEGER)",
                "month" => $"CAST(substr({value}, 6, 2) AS INTEGER)",
                "day" => $"CAST(substr({value}, 9, 2) AS INTEGER)",
                "hour" => $"CAST(substr({value}, 12, 2) AS INTEGER)",
                "minute" => $"CAST(substr({value}, 15, 2) AS INTEGER)",
                _ => $"CAST(substr({value}, 18, 2) AS INTEGER)",
            };

        public override string DateOf(string instant) => $"substr({instant}, 1, 10)";

        // 'HH:mm:ss.fffffff' without trailing zeros (and without the point for whole seconds), as TimeValue writes it.
        public override string TimeOf(string instant) => $"rtrim(rtrim(substr({instant}, 12, 16), '0'), '.')";

        public override object TimeValue(TimeOnly time) =>
            time.ToString("HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

        public override string CastToText(string value) => $"CAST({value} AS TEXT)";

        public override string CastToInteger(string value) => $"CAST({value} AS INTEGER)";

        public override string CastToReal(string value) => $"CAST({value} AS REAL)";

        public override string Length(string text) => $"length({text})";

        public override string IndexOf(string text, string fragment) => $"(instr({text}, {fragment}) - 1)";

        public override string Substring(string text, string start, string? length) =>
            length is null ? $"substr({text}, {start} + 1)" : $"substr({text}, {start} + 1, {length})";

        public override string Trim(string text) => $"trim({text})";

        public override string Round(string value) => $"round({value})";

        public override string Floor(string value) => $"scorecard_floor({value})";

        public override string Ceiling(string value) => $"scorecard_ceiling({value})";

        public override string Match(StringMatch kind, string text, string fragment) =>
            kind switch
            {
                StringMatch.Contains => $"(instr({text}, {fragment}) > 0)",
                StringMatch.StartsWith => $"(substr({text}, 1, length({fragment})) = {fragment})",
                _ => $"(length({fragment}) = 0 OR substr({text}, -length({fragment})) = {fragment})",
            };

        public override string? LikePattern(StringMatch kind, string literal) => null;
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        public override string Page => "OFFSET @__skip ROWS FETCH NEXT @__take ROWS ONLY";

        public override string CountAll => "COUNT_BIG(*)";

        public override string Concat(string left, string right) => $"CONCAT({left}, {right})";

        public override string DatePart(string part, string value) => $"DATEPART({part}, {value})";

        public override string DateOf(string instant) => $"CAST({instant} AS date)";

        public override string TimeOf(string instant) => $"CAST({instant} AS time)";

        public override object TimeValue(TimeOnly time) => time.ToTimeSpan();

        public override string CastToText(string value) => $"CAST({value} AS nvarchar(4000))";

        public override string CastToInteger(string value) => $"CAST({value} AS bigint)";

        public override string CastToReal(string value) => $"CAST({value} AS float)";

        public override string Length(string text) => $"LEN({text})";

        public override string IndexOf(string text, string fragment) => $"(CHARINDEX({fragment}, {text}) - 1)";

        public override string Substring(string text, string start, string? length) =>
            $"SUBSTRING({text}, {start} + 1, {length ?? $"LEN({text})"})";

        public override string Trim(string text) => $"LTRIM(RTRIM({text}))";

        public override string Round(string value) => $"ROUND({value}, 0)";

        public override string Floor(string value) => $"FLOOR({value})";

        public override string Ceiling(string value) => $"CEILING({value})";

        public override string Match(StringMatch kind, string text, string fragment) =>
            kind switch
            {
                StringMatch.Contains => $"(CHARINDEX({fragment}, {text}) > 0)",
                StringMatch.StartsWith => $"(LEFT({text}, LEN({fragment})) = {fragment})",
                _ => $"(RIGHT({text}, LEN({fragment})) = {fragment})",
            };

        public override string? LikePattern(StringMatch kind, string literal)
        {
            var escaped = literal
                .Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal)
                .Replace("[", @"\[", StringComparison.Ordinal);
            return kind switch
            {
                StringMatch.Contains => "%" + escaped + "%",
                StringMatch.StartsWith => escaped + "%",
                _ => "%" + escaped,
            };
        }
    }
}
