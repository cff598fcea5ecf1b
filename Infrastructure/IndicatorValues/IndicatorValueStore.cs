using System.Data.Common;
using Dapper;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Infrastructure.IndicatorValues;

/// <summary>
/// The statements of the <c>indicator_values</c> refresh. Everything is read on the primary database:
/// a mark is removed only after the rows were recomputed from data at least as new as the mark.
/// Writing is the one place the providers differ: SQLite writes only the rows that differ, through
/// statements prepared once; SQL Server deletes the periods and inserts a chunk of rows per statement
/// from a JSON parameter.
/// </summary>
public sealed class IndicatorValueStore(DbConnectionFactory db, SqliteCheckpointer checkpointer)
{
    private const string MarksSql = "SELECT month AS Month, version AS Version FROM indicator_values_stale";

    private const string FactMonthsSql = "SELECT MIN(month) AS First, MAX(month) AS Last FROM monthly_facts";

    private const string StoredMonthsSql =
        "SELECT MIN(period_start) AS First, MAX(period_start) AS Last FROM "
        + "indicator_values WHERE period_type = 'month'";

    private static readonly string OwnMonthsSql = $"""
        SELECT f.unit_id AS UnitId, f.month AS Month, {FactColumns.Sums}
        FROM monthly_facts f
        WHERE f.month >= @From AND f.month <= @To
        GROUP BY f.unit_id, f.month
        """;

    private const string UnmarkSql = "DELETE FROM indicator_values_stale WHERE month = @Month AND version = @Version";

    /// <summary>Every mark, with the version it had when read.</summary>
    public async Task<IReadOnlyList<StaleMark>> MarksAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return
        [
            .. await connection
                .QueryAsync<StaleMark>(new CommandDefinition(MarksSql, cancellationToken: ct))
                .ConfigureAwait(false),
        ];
    }

    /// <summary>The first and last months that have facts (nulls when there are none).</summary>
    public Task<MonthSpan> FactMonthsAsync(CancellationToken ct) => SpanAsync(FactMonthsSql, ct);

    /// <summary>The first and last months that have rows in <c>indicator_values</c> (nulls when it is empty).</summary>
    public Task<MonthSpan> StoredMonthsAsync(CancellationToken ct) => SpanAsync(StoredMonthsSql, ct);

    /// <summary>
    /// The facts of each unit's own dossiers per month, from the month of <paramref name="from"/> to that of
    /// <paramref name="to"/> (pairs without facts are absent): read once, regrouped for each reading of the units.
    /// </summary>
    public async Task<IReadOnlyDictionary<(int UnitId, DateOnly Month), FactCounts>> OwnMonthsAsync(
        DateOnly from,
        DateOnly to,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenUnmappedAsync(ct).ConfigureAwait(false);
        await using var reader = await connection
            .ExecuteReaderAsync(
                new CommandDefinition(
                    OwnMonthsSql,
                    new { From = new DateOnly(from.Year, from.Month, 1), To = new DateOnly(to.Year, to.Month, 1) },
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        var rows = await FactReader.ReadAsync((DbDataReader)reader, FactReader.UnitAndDay, ct).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Key, r => r.Counts);
    }

    /// <summary>The most rows one SQLite write transaction of a refresh takes: the ingestion writer waits for each
    /// transaction, never for the whole refresh.</summary>
    public const int RowsPerSqliteTransaction = 20_000;

    /// <summary>
    /// Replaces the rows of <paramref name="periods"/> (null: every row) with <paramref name="rows"/> and
    /// <paramref name="scores"/>, and removes the <paramref name="handled"/> marks, except those marked again since
    /// they were read. Call it with the rows computed: nothing is computed while the write lock is held.
    /// <para>
    /// SQLite writes only the rows that differ, in the order of the primary key and at most
    /// <see cref="RowsPerSqliteTransaction"/> rows per transaction, so that ingestion is never held up for a whole
    /// refresh; the rows that are no longer computed go, with the marks, in the last transaction, so a refresh cut
    /// short leaves the marks for the next one. A reader may meanwhile see the rows of some units refreshed and of
    /// others not yet, for the few seconds a large refresh takes. SQL Server deletes the periods and inserts the rows
    /// in one transaction (its locks are per row, so ingestion does not wait for it).
    /// </para>
    /// </summary>
    /// <returns>The number of indicator value rows written (inserted, updated or deleted).</returns>
    public async Task<int> ReplaceAsync(
        IReadOnlyCollection<string>? periods,
        IReadOnlyList<IndicatorValueRow> rows,
        IReadOnlyList<StaleMark> handled,
        CancellationToken ct,
        IReadOnlyList<IndexScoreRow>? scores = null
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(handled);
        var written = await db
            .Dialect.ReplaceFiguresAsync(
                db,
                new FigureReplacement(periods, rows, scores, (c, t) => UnmarkAsync(c, t, handled, ct)),
                ct
            )
            .ConfigureAwait(false);
        checkpointer.Nudge();
        return written;
    }

    private static Task<int> UnmarkAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<StaleMark> handled,
        CancellationToken ct
    ) =>
        connection.ExecuteAsync(
            new CommandDefinition(
                UnmarkSql,
                handled.Select(m => new { Month = StaleMarks.Ansi(m.Month), m.Version }),
                transaction,
                cancellationToken: ct
            )
        );

    private async Task<MonthSpan> SpanAsync(string sql, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await connection
            .QuerySingleAsync<MonthSpan>(new CommandDefinition(sql, cancellationToken: ct))
            .ConfigureAwait(false);
    }

    /// <summary>A first and last month, both null when there is nothing.</summary>
    public sealed class MonthSpan
    {
        public DateOnly? First { get; init; }
        public DateOnly? Last { get; init; }
    }
}
