using System.Globalization;
using Microsoft.Data.Sqlite;
using Scorecard.Infrastructure.Database;
using SQLitePCL;

namespace Scorecard.Infrastructure.Sqlite;

/// <summary>
/// One SQL statement prepared once on an open SQLite connection and executed many times, its
/// parameters bound by position (1-based, in the order they first appear in the SQL). The ingestion
/// writer runs its per-event statements through it: a <see cref="SqliteCommand"/> looks every
/// parameter up by name and opens a data reader on each execution, which costs about as much again
/// as the insert itself. It runs in whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement, out var tail);
        SqliteException.ThrowExceptionForRC(rc, db);
        if (!string.IsNullOrWhiteSpace(tail))
        {
            statement.Dispose();
            throw new ArgumentException("One statement only.", nameof(sql));
        }

        ParameterCount = raw.sqlite3_bind_parameter_count(statement);
    }

    public int ParameterCount { get; }

    /// <summary>The name of the parameter at a position, with its prefix (e.g. <c>@Id</c>).</summary>
    public string? ParameterName(int position) => raw.sqlite3_bind_parameter_name(statement, position).utf8_to_string();

    /// <summary>
    /// Binds text as the string's own UTF-16 (SQLite copies it and converts it to the file's UTF-8 itself), so no
    /// UTF-8 copy of the string is made per bind.
    /// </summary>
    public void Bind(int position, string? value) =>
        Check(value is null ? raw.sqlite3_bind_null(statement, position) : BindText(position, value));

    /// <summary>Binds an instant in its stored text form (<see cref="DapperTypeHandlers.InstantFormat"/>) without
    /// making a string of it.</summary>
    public void Bind(int position, DateTimeOffset? value)
    {
        if (value is { } instant)
        {
            BindFormatted(position, instant.UtcDateTime, DapperTypeHandlers.InstantFormat);
        }
        else
        {
            Check(raw.sqlite3_bind_null(statement, position));
        }
    }

    /// <summary>Binds a day in its stored text form (<see cref="DapperTypeHandlers.DateFormat"/>) without making a
    /// string of it.</summary>
    public void Bind(int position, DateOnly day) => BindFormatted(position, day, DapperTypeHandlers.DateFormat);

    /// <summary>Formats the value onto the stack and binds that text.</summary>
    private void BindFormatted<T>(int position, T value, string format)
        where T : ISpanFormattable
    {
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var written, format, Invariant))
        {
            throw new InvalidOperationException($"A {typeof(T).Name} did not fit its stored text form.");
        }

        Check(BindText(position, text[..written]));
    }

    // An empty span pins to a null pointer, which SQLite would bind as NULL: the empty string goes through the
    // string form, which passes a terminated empty text.
    private int BindText(int position, ReadOnlySpan<char> text) =>
        text.IsEmpty
            ? raw.sqlite3_bind_text(statement, position, string.Empty)
            : raw.sqlite3_bind_text16(statement, position, text);

    public void Bind(int position, long value) => Check(raw.sqlite3_bind_int64(statement, position, value));

    public void Bind(int position, long? value) =>
        Check(
            value is { } v ? raw.sqlite3_bind_int64(statement, position, v) : raw.sqlite3_bind_null(statement, position)
        );

    public void Bind(int position, double? value) =>
        Check(
            value is { } v
                ? raw.sqlite3_bind_double(statement, position, v)
                : raw.sqlite3_bind_null(statement, position)
        );

    public void Bind(int position, bool value) => Bind(position, value ? 1L : 0L);

    public void Bind(int position, bool? value) => Bind(position, value is { } v ? (v ? 1L : 0L) : null);

    /// <summary>Runs the statement to its end (it returns no rows) and readies it for the next run.</summary>
    /// <returns>The number of rows it inserted, updated or deleted.</returns>
    public int Execute()
    {
        var rc = raw.sqlite3_step(statement);
        try
        {
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db); // the message of the failed step, before the reset
                throw new InvalidOperationException("A statement run by SqliteStatement must not return rows.");
            }

            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
