using System.Globalization;
using System.Text;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Infrastructure.Database;

/// <summary>
/// One column of a table, written once: its name, the row member it maps to (the column's name in
/// PascalCase: <c>received_at</c> is <c>ReceivedAt</c>, also the parameter name), how the SQLite path
/// binds it by position and the SQL Server path stages it for bulk copy. <see cref="TableColumns{TRow}"/>
/// derives every column list, binder and staging table from these.
/// </summary>
internal sealed class TableColumn<TRow>
{
    private TableColumn(
        string name,
        Type stagedType,
        Action<SqliteStatement, int, TRow> bind,
        Func<TRow, object> staged,
        bool fixedOnceWritten
    )
    {
        Name = name;
        Member = MemberOf(name);
        StagedType = stagedType;
        Bind = bind;
        Staged = staged;
        FixedOnceWritten = fixedOnceWritten;
    }

    public string Name { get; }

    public string Member { get; }

    /// <summary>The type of the column in the DataTable copied to SQL Server.</summary>
    public Type StagedType { get; }

    /// <summary>Binds the row's value at a position (instants as UTC text, days as <c>yyyy-MM-dd</c>).</summary>
    public Action<SqliteStatement, int, TRow> Bind { get; }

    /// <summary>The row's value for SQL Server's bulk copy (instants in UTC, days as midnight, nulls as
    /// DBNull).</summary>
    public Func<TRow, object> Staged { get; }

    /// <summary>Written once with the row and never updated (its indexes are left alone by upserts).</summary>
    public bool FixedOnceWritten { get; }

    public static TableColumn<TRow> Text(string name, Func<TRow, string?> value, bool fixedOnceWritten = false) =>
        new(
            name,
            typeof(string),
            (s, i, r) => s.Bind(i, value(r)),
            r => value(r) ?? (object)DBNull.Value,
            fixedOnceWritten
        );

    public static TableColumn<TRow> Int32(string name, Func<TRow, int> value, bool fixedOnceWritten = false) =>
        new(name, typeof(int), (s, i, r) => s.Bind(i, (long)value(r)), r => value(r), fixedOnceWritten);

    public static TableColumn<TRow> Int64(string name, Func<TRow, long?> value, bool fixedOnceWritten = false) =>
        new(
            name,
            typeof(long),
            (s, i, r) => s.Bind(i, value(r)),
            r => value(r) is { } v ? v : DBNull.Value,
            fixedOnceWritten
        );

    public static TableColumn<TRow> Flag(string name, Func<TRow, bool?> value, bool fixedOnceWritten = false) =>
        new(
            name,
            typeof(bool),
            (s, i, r) => s.Bind(i, value(r)),
            r => value(r) is { } v ? v : DBNull.Value,
            fixedOnceWritten
        );

    public static TableColumn<TRow> Instant(
        string name,
        Func<TRow, DateTimeOffset?> value,
        bool fixedOnceWritten = false
    ) =>
        new(
            name,
            typeof(DateTimeOffset),
            (s, i, r) => s.Bind(i, value(r)),
            r => value(r) is { } v ? v.ToUniversalTime() : DBNull.Value,
            fixedOnceWritten
        );

    public static TableColumn<TRow> Date(string name, Func<TRow, DateOnly> value, bool fixedOnceWritten = false) =>
        new(
            name,
            typeof(DateTime),
            (s, i, r) => s.Bind(i, value(r)),
            r => value(r).ToDateTime(TimeOnly.MinValue),
            fixedOnceWritten
        );

    private static string MemberOf(string name)
    {
        var member = new StringBuilder(name.Length);
        foreach (var part in name.Split('_'))
        {
            member.Append(char.ToUpper(part[0], CultureInfo.InvariantCulture)).Append(part.AsSpan(1));
        }

        return member.ToString();
    }
}
