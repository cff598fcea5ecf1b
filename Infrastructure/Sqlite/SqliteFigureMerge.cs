using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Infrastructure.Sqlite;

/// <summary>
/// SQLite: brings the rows of some periods of a figure table (<c>indicator_values</c>, <c>index_scores</c>) to a
/// recomputed set by writing only what differs. A row whose figures moved is updated in place; an identical row is
/// not written at all; a stored row of those periods that the set no longer has is deleted. Rows are written in the
/// order of the table's primary key, so that a transaction's rows share pages: each page then goes to the log once
/// per refresh, not once per period. Statements are prepared once and bound by position.
/// </summary>
/// <typeparam name="TRow">The row type; its key is four texts, in the order of the table's primary key and of the
/// delete statement's parameters.</typeparam>
internal sealed class SqliteFigureMerge<TRow>(
    string periodKeysSql,
    string allKeysSql,
    string upsertSql,
    string deleteSql,
    Func<TRow, (string, string, string, string)> keyOf,
    Action<SqliteStatement, TRow> bind
)
{
    /// <summary>Keys in the order of the primary key (codes are ASCII, where ordinal order is SQLite's
    /// BINARY order).</summary>
    private static readonly Comparer<(string, string, string, string)> KeyOrder = Comparer<(
        string,
        string,
        string,
        string
    )>.Create(
        (x, y) =>
            string.CompareOrdinal(x.Item1, y.Item1) is var a && a != 0 ? a
            : string.CompareOrdinal(x.Item2, y.Item2) is var b && b != 0 ? b
            : string.CompareOrdinal(x.Item3, y.Item3) is var c && c != 0 ? c
            : string.CompareOrdinal(x.Item4, y.Item4)
    );

    /// <summary>The rows in the order of the table's primary key.</summary>
    public List<TRow> Ordered(IEnumerable<TRow> rows) => [.. rows.OrderBy(keyOf, KeyOrder)];

    /// <summary>The stored keys of <paramref name="periods"/> (null: of every period) that <paramref name="rows"/>
    /// lack: the rows to delete. Stored keys are streamed, not held.</summary>
    public async Task<List<(string, string, string, string)>> StaleAsync(
        SqliteConnection connection,
        IReadOnlyCollection<string>? periods,
        IEnumerable<TRow> rows,
        CancellationToken ct
    )
    {
        var fresh = rows.Select(keyOf).ToHashSet();
        var stale = new List<(string, string, string, string)>();
        IEnumerable<(string Sql, object? Parameters)> reads = periods is null
            ? [(allKeysSql, null)]
            : periods.Select(p => (periodKeysSql, (object?)new { Period = p }));
        foreach (var (sql, parameters) in reads)
        {
            await foreach (
                var key in connection
                    .QueryUnbufferedAsync<(string, string, string, string)>(sql, parameters)
                    .WithCancellation(ct)
                    .ConfigureAwait(false)
            )
            {
                if (!fresh.Contains(key))
                {
                    stale.Add(key);
                }
            }
        }

        return stale;
    }

    /// <summary>Writes the rows that differ from the stored ones, in the caller's transaction.</summary>
    /// <returns>The number of rows inserted or updated.</returns>
    public int Upsert(SqliteConnection connection, IEnumerable<TRow> rows, CancellationToken ct)
    {
        var written = 0;
        using var upsert = new SqliteStatement(connection, upsertSql);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            bind(upsert, row);
            written += upsert.Execute();
        }

        return written;
    }

    /// <summary>Deletes rows by key, in the caller's transaction.</summary>
    /// <returns>The number of rows deleted.</returns>
    public int Delete(SqliteConnection connection, IEnumerable<(string, string, string, string)> keys)
    {
        var deleted = 0;
        using var delete = new SqliteStatement(connection, deleteSql);
        foreach (var (a, b, c, d) in keys)
        {
            delete.Bind(1, a);
            delete.Bind(2, b);
            delete.Bind(3, c);
            delete.Bind(4, d);
            deleted += delete.Execute();
        }

        return deleted;
    }
}

/// <summary>The two figure tables the refresh writes on SQLite.</summary>
internal static class SqliteFigureMerges
{
    internal const string UpsertIndicatorValueSql = """
        INSERT INTO indicator_values (unit_code, indicator_code, period, period_type, period_start, period_end,
            numerator, denominator, value, band, target, structure)
        VALUES (@UnitCode, @IndicatorCode, @Period, @PeriodType, @PeriodStart, @PeriodEnd, @Numerator, @Denominator,
            @Value, @Band, @Target, @Structure)
        ON CONFLICT (unit_code, indicator_code, period, structure) DO UPDATE SET
            numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value,
                band = excluded.band, target = excluded.target
        WHERE numerator IS NOT excluded.numerator OR denominator IS NOT excluded.denominator
            OR value IS NOT excluded.value
            OR band IS NOT excluded.band OR target IS NOT excluded.target
        """;

    internal const string DeleteIndicatorValueSql =
        "DELETE FROM indicator_values WHERE unit_code = @UnitCode AND indicator_code = "
        + "@IndicatorCode AND period = @Period AND structure = @Structure";

    internal const string AllIndicatorValueKeysSql =
        "SELECT unit_code, indicator_code, period, structure FROM indicator_values";

    internal const string IndicatorValueKeysSql =
        "SELECT unit_code, indicator_code, period, structure FROM indicator_values WHERE period = @Period";

    /// <summary>
    /// One row of <c>index_scores</c>, written only when it differs from the stored one: a refresh of a few periods
    /// rewrites the pages of the rows that moved, not every row of the periods.
    /// </summary>
    internal const string UpsertIndexScoreSql = """
        INSERT INTO index_scores (unit_code, period, code, structure, kind, group_code, indicator_code, period_type,
                                  period_start, period_end, numerator, denominator, value, threshold, points,
                                  max_points, status)
        VALUES (@UnitCode, @Period, @Code, @Structure, @Kind, @GroupCode, @IndicatorCode, @PeriodType, @PeriodStart,
                @PeriodEnd, @Numerator, @Denominator, @Value, @Threshold, @Points, @MaxPoints, @Status)
        ON CONFLICT (unit_code, period, code, structure) DO UPDATE SET
            kind = excluded.kind, group_code = excluded.group_code, indicator_code = excluded.indicator_code,
            period_type = excluded.period_type, period_start = excluded.period_start, period_end = excluded.period_end,
            numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value,
            threshold = excluded.threshold, points = excluded.points, max_points = excluded.max_points,
            status = excluded.status
        WHERE index_scores.numerator IS NOT excluded.numerator OR index_scores.denominator IS NOT excluded.denominator
            OR index_scores.value IS NOT excluded.value OR index_scores.threshold IS NOT excluded.threshold
            OR index_scores.points IS NOT excluded.points OR index_scores.max_points IS NOT excluded.max_points
            OR index_scores.status IS NOT excluded.status OR index_scores.kind IS NOT excluded.kind
            OR index_scores.group_code IS NOT excluded.group_code
            OR index_scores.indicator_code IS NOT excluded.indicator_code
        """;

    internal const string DeleteIndexScoreSql =
        "DELETE FROM index_scores WHERE unit_code = @UnitCode AND period = @Period AND code = @Code "
        + "AND structure = @Structure";

    internal const string AllIndexScoreKeysSql = "SELECT unit_code, period, code, structure FROM index_scores";

    internal const string IndexScoreKeysSql =
        "SELECT unit_code, period, code, structure FROM index_scores WHERE period = @Period";

    public static SqliteFigureMerge<IndicatorValueRow> IndicatorValues { get; } =
        new(
            IndicatorValueKeysSql,
            AllIndicatorValueKeysSql,
            UpsertIndicatorValueSql,
            DeleteIndicatorValueSql,
            r => (r.UnitCode, r.IndicatorCode, r.Period, r.Structure),
            (s, r) =>
            {
                s.Bind(1, r.UnitCode);
                s.Bind(2, r.IndicatorCode);
                s.Bind(3, r.Period);
                s.Bind(4, r.PeriodType);
                s.Bind(5, r.PeriodStart);
                s.Bind(6, r.PeriodEnd);
                s.Bind(7, r.Numerator);
                s.Bind(8, r.Denominator);
                s.Bind(9, r.Value);
                s.Bind(10, r.Band);
                s.Bind(11, r.Target);
                s.Bind(12, r.Structure);
            }
        );

    public static SqliteFigureMerge<IndexScoreRow> IndexScores { get; } =
        new(
            IndexScoreKeysSql,
            AllIndexScoreKeysSql,
            UpsertIndexScoreSql,
            DeleteIndexScoreSql,
            r => (r.UnitCode, r.Period, r.Code, r.Structure),
            (s, r) =>
            {
                s.Bind(1, r.UnitCode);
                s.Bind(2, r.Period);
                s.Bind(3, r.Code);
                s.Bind(4, r.Structure);
                s.Bind(5, r.Kind);
                s.Bind(6, r.GroupCode);
                s.Bind(7, r.IndicatorCode);
                s.Bind(8, r.PeriodType);
                s.Bind(9, r.PeriodStart);
                s.Bind(10, r.PeriodEnd);
                s.Bind(11, r.Numerator);
                s.Bind(12, r.Denominator);
                s.Bind(13, r.Value);
                s.Bind(14, r.Threshold);
                s.Bind(15, r.Points);
                s.Bind(16, r.MaxPoints);
                s.Bind(17, r.Status);
            }
        );

    /// <summary>
    /// Replaces the rows of the replacement's periods in both tables: the rows that differ, in key order, at most
    /// <see cref="IndicatorValueStore.RowsPerSqliteTransaction"/> per transaction, then the stale rows with its
    /// finish (the marks) in the last one.
    /// </summary>
    /// <returns>The number of indicator value rows written (inserted, updated or deleted).</returns>
    public static async Task<int> ReplaceAsync(
        DbConnectionFactory db,
        FigureReplacement replacement,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(replacement);
        var (periods, rows, scores, finish) = replacement;
        List<(string, string, string, string)> staleValues;
        List<(string, string, string, string)> staleScores;
        await using (var connection = (SqliteConnection)await db.OpenUnmappedAsync(ct).ConfigureAwait(false))
        {
            staleValues = await IndicatorValues.StaleAsync(connection, periods, rows, ct).ConfigureAwait(false);
            staleScores = scores is null
                ? []
                : await IndexScores.StaleAsync(connection, periods, scores, ct).ConfigureAwait(false);
        }

        var written = 0;
        foreach (var step in IndicatorValues.Ordered(rows).Chunk(IndicatorValueStore.RowsPerSqliteTransaction))
        {
            written += await InTransactionAsync(db, c => IndicatorValues.Upsert(c, step, ct), null, ct)
                .ConfigureAwait(false);
        }

        foreach (var step in IndexScores.Ordered(scores ?? []).Chunk(IndicatorValueStore.RowsPerSqliteTransaction))
        {
            await InTransactionAsync(db, c => IndexScores.Upsert(c, step, ct), null, ct).ConfigureAwait(false);
        }

        written += await InTransactionAsync(
                db,
                c =>
                {
                    var deleted = IndicatorValues.Delete(c, staleValues);
                    IndexScores.Delete(c, staleScores);
                    return deleted;
                },
                finish,
                ct
            )
            .ConfigureAwait(false);
        return written;
    }

    /// <summary>Runs <paramref name="write"/> in a transaction of its own, then <paramref name="finish"/> before the
    /// commit.</summary>
    private static async Task<int> InTransactionAsync(
        DbConnectionFactory db,
        Func<SqliteConnection, int> write,
        Func<DbConnection, DbTransaction, Task>? finish,
        CancellationToken ct
    )
    {
        await using var connection = (SqliteConnection)await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var written = write(connection);
        if (finish is not null)
        {
            await finish(connection, transaction).ConfigureAwait(false);
        }

        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return written;
    }

    /// <summary>The statements bound by position, with the parameter at each position (for the test that holds them to
    /// it).</summary>
    internal static IReadOnlyList<(string Sql, string[] Parameters)> BoundStatements { get; } =
    [
        (
            UpsertIndicatorValueSql,
            [
                "@UnitCode",
                "@IndicatorCode",
                "@Period",
                "@PeriodType",
                "@PeriodStart",
                "@PeriodEnd",
                "@Numerator",
                "@Denominator",
                "@Value",
                "@Band",
                "@Target",
                "@Structure",
            ]
        ),
        (DeleteIndicatorValueSql, ["@UnitCode", "@IndicatorCode", "@Period", "@Structure"]),
        (
            UpsertIndexScoreSql,
            [
                "@UnitCode",
                "@Period",
                "@Code",
                "@Structure",
                "@Kind",
                "@GroupCode",
                "@IndicatorCode",
                "@PeriodType",
                "@PeriodStart",
                "@PeriodEnd",
                "@Numerator",
                "@Denominator",
                "@Value",
                "@Threshold",
                "@Points",
                "@MaxPoints",
                "@Status",
            ]
        ),
        (DeleteIndexScoreSql, ["@UnitCode", "@Period", "@Code", "@Structure"]),
    ];
}
