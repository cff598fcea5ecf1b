using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;

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
    /// <summary>Rows per SQL Server insert statement.</summary>
    public const int JsonChunk = 1000;

    /// <summary>SQL Server: the refreshes of several instances take turns (SQLite has one writer at a time anyway).</summary>
    private const string LockSql = "EXEC sp_getapplock @Resource = N'scorecard-indicator-values', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000";

    private const string MarksSql = "SELECT month AS Month, version AS Version FROM indicator_values_stale";

    private const string FactMonthsSql = "SELECT MIN(month) AS First, MAX(month) AS Last FROM monthly_facts";

    private const string StoredMonthsSql = "SELECT MIN(period_start) AS First, MAX(period_start) AS Last FROM indicator_values WHERE period_type = 'month'";

    private const string SubtreeMonthsSql = $"""
        SELECT c.ancestor_id AS UnitId, f.month AS Month, {FactColumns.Sums}
        FROM monthly_facts f INNER JOIN unit_closure c ON c.descendant_id = f.unit_id
        WHERE f.month >= @From AND f.month <= @To
        GROUP BY c.ancestor_id, f.month
        """;

    private const string DeleteAllSql = "DELETE FROM indicator_values";

    private const string DeletePeriodSql = "DELETE FROM indicator_values WHERE period = @Period";

    private const string UnmarkSql = "DELETE FROM indicator_values_stale WHERE month = @Month AND version = @Version";

    private const string Columns = "unit_code, indicator_code, period, period_type, period_start, period_end, numerator, denominator, value, band, target";

    /// <summary>SQL Server: a chunk of rows passed as one JSON array of objects (OPENJSON).</summary>
    private const string InsertJsonSql = $"""
        INSERT INTO indicator_values ({Columns})
        SELECT j.u, j.i, j.p, j.t, j.s, j.e, j.n, j.d, j.v, j.b, j.g
        FROM OPENJSON(@Rows) WITH (
            u varchar(64) '$.u', i varchar(64) '$.i', p varchar(16) '$.p', t varchar(16) '$.t', s date '$.s', e date '$.e',
            n bigint '$.n', d bigint '$.d', v float '$.v', b varchar(32) '$.b', g float '$.g') j
        """;

    /// <summary>Every mark, with the version it had when read.</summary>
    public async Task<IReadOnlyList<StaleMark>> MarksAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return [.. await connection.QueryAsync<StaleMark>(new CommandDefinition(MarksSql, cancellationToken: ct)).ConfigureAwait(false)];
    }

    /// <summary>The first and last months that have facts (nulls when there are none).</summary>
    public Task<MonthSpan> FactMonthsAsync(CancellationToken ct) => SpanAsync(FactMonthsSql, ct);

    /// <summary>The first and last months that have rows in <c>indicator_values</c> (nulls when it is empty).</summary>
    public Task<MonthSpan> StoredMonthsAsync(CancellationToken ct) => SpanAsync(StoredMonthsSql, ct);

    /// <summary>
    /// The facts of each unit's subtree per month, from the month of <paramref name="from"/> to that of
    /// <paramref name="to"/> (pairs without facts are absent).
    /// </summary>
    public async Task<IReadOnlyDictionary<(int UnitId, DateOnly Month), FactCounts>> SubtreeMonthsAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<SubtreeMonth>(new CommandDefinition(
            SubtreeMonthsSql, new { From = new DateOnly(from.Year, from.Month, 1), To = new DateOnly(to.Year, to.Month, 1) }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.ToDictionary(r => (r.UnitId, r.Month), r => r.ToCounts());
    }

    /// <summary>
    /// In one transaction: replaces the rows of <paramref name="periods"/> (null: every row) with
    /// <paramref name="rows"/> and removes the <paramref name="handled"/> marks, except those marked
    /// again since they were read. Call it with the rows computed: nothing is computed while the
    /// write lock is held. SQLite writes only the rows that differ (<see cref="SqliteIndicatorValueMerge"/>);
    /// SQL Server deletes the periods and inserts the rows.
    /// </summary>
    /// <returns>The number of rows written (inserted, updated or deleted).</returns>
    public async Task<int> ReplaceAsync(IReadOnlyCollection<string>? periods, IReadOnlyList<IndicatorValueRow> rows, IReadOnlyList<StaleMark> handled, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var written = db.Provider == DatabaseProvider.Sqlite
            ? await SqliteIndicatorValueMerge.MergeAsync((SqliteConnection)connection, (SqliteTransaction)transaction, periods, rows, ct).ConfigureAwait(false)
            : await ReplaceSqlServerAsync(connection, transaction, periods, rows, ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            UnmarkSql, handled.Select(m => new { Month = StaleMarks.Ansi(m.Month), m.Version }), transaction, cancellationToken: ct)).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        checkpointer.Nudge();
        return written;
    }

    private static async Task<int> ReplaceSqlServerAsync(DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string>? periods, IReadOnlyList<IndicatorValueRow> rows, CancellationToken ct)
    {
        await connection.ExecuteAsync(new CommandDefinition(LockSql, transaction: transaction, cancellationToken: ct)).ConfigureAwait(false);
        var deleted = periods is null
            ? await connection.ExecuteAsync(new CommandDefinition(DeleteAllSql, transaction: transaction, cancellationToken: ct)).ConfigureAwait(false)
            : await connection.ExecuteAsync(new CommandDefinition(
                DeletePeriodSql, periods.Select(p => new { Period = StaleMarks.Ansi(p) }), transaction, cancellationToken: ct)).ConfigureAwait(false);
        await InsertJsonAsync(connection, transaction, rows, ct).ConfigureAwait(false);
        return deleted + rows.Count;
    }

    private async Task<MonthSpan> SpanAsync(string sql, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await connection.QuerySingleAsync<MonthSpan>(new CommandDefinition(sql, cancellationToken: ct)).ConfigureAwait(false);
    }

    private static async Task InsertJsonAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<IndicatorValueRow> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(JsonChunk))
        {
            var json = JsonSerializer.Serialize(chunk.Select(r => new
            {
                u = r.UnitCode,
                i = r.IndicatorCode,
                p = r.Period,
                t = r.PeriodType,
                s = Date(r.PeriodStart),
                e = Date(r.PeriodEnd),
                n = r.Numerator,
                d = r.Denominator,
                v = r.Value,
                b = r.Band,
                g = r.Target,
            }));
            await connection.ExecuteAsync(new CommandDefinition(InsertJsonSql, new { Rows = json }, transaction, cancellationToken: ct)).ConfigureAwait(false);
        }
    }

    private static string Date(DateOnly day) => day.ToString(DapperTypeHandlers.DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A first and last month, both null when there is nothing.</summary>
    public sealed class MonthSpan
    {
        public DateOnly? First { get; init; }
        public DateOnly? Last { get; init; }
    }

    private sealed class SubtreeMonth
    {
        public int UnitId { get; init; }
        public DateOnly Month { get; init; }
        public long Received { get; init; }
        public long Digitised { get; init; }
        public long OnlineEligible { get; init; }
        public long Online { get; init; }
        public long FeeRequired { get; init; }
        public long PaidOnline { get; init; }
        public long PersonApplicant { get; init; }
        public long PopulationDbUsed { get; init; }
        public long Violations { get; init; }
        public long Finished { get; init; }
        public long FinishedOnTime { get; init; }
        public long ResolvedOrReturned { get; init; }
        public long ElectronicResult { get; init; }

        public FactCounts ToCounts() => new(
            Received, Digitised, OnlineEligible, Online, FeeRequired, PaidOnline, PersonApplicant,
            PopulationDbUsed, Violations, Finished, FinishedOnTime, ResolvedOrReturned, ElectronicResult);
    }
}
