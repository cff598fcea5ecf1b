using System.Data.Common;
using System.Text.Json;
using Dapper;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Infrastructure.SqlServer;

/// <summary>
/// SQL Server: replaces the rows of some periods (or of all) by deleting them and inserting the
/// recomputed set, a chunk of rows per statement from a JSON parameter, under an application lock
/// so that the refreshes of several instances take turns.
/// </summary>
internal static class SqlServerIndicatorValueReplace
{
    /// <summary>Rows per SQL Server insert statement.</summary>
    public const int JsonChunk = 1000;

    /// <summary>SQL Server: the refreshes of several instances take turns (SQLite has one writer at a time
    /// anyway).</summary>
    private const string LockSql =
        "EXEC sp_getapplock @Resource = N'scorecard-indicator-values', @LockMode = "
        + "'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 30000";

    private const string DeleteAllSql = "DELETE FROM indicator_values";

    private const string DeletePeriodSql = "DELETE FROM indicator_values WHERE period = @Period";

    private const string Columns =
        "unit_code, indicator_code, period, period_type, period_start, period_end, "
        + "numerator, denominator, value, band, target, structure";

    /// <summary>SQL Server: a chunk of rows passed as one JSON array of objects (OPENJSON).</summary>
    private const string InsertJsonSql = $"""
        INSERT INTO indicator_values ({Columns})
        SELECT j.u, j.i, j.p, j.t, j.s, j.e, j.n, j.d, j.v, j.b, j.g, j.r
        FROM OPENJSON(@Rows) WITH (
            u varchar(64) '$.u', i varchar(64) '$.i', p varchar(16) '$.p', t varchar(16) '$.t', s date '$.s',
                e date '$.e',
            n bigint '$.n', d bigint '$.d', v float '$.v', b varchar(32) '$.b', g float '$.g', r varchar(8) '$.r') j
        """;

    private const string DeleteIndexScoresSql = "DELETE FROM index_scores";

    private const string DeletePeriodIndexScoresSql = "DELETE FROM index_scores WHERE period = @Period";

    private const string InsertIndexScoreSql = """
        INSERT INTO index_scores (unit_code, period, code, structure, kind, group_code, indicator_code, period_type,
                                  period_start, period_end, numerator, denominator, value, threshold, points,
                                  max_points, status)
        VALUES (@UnitCode, @Period, @Code, @Structure, @Kind, @GroupCode, @IndicatorCode, @PeriodType, @PeriodStart,
                @PeriodEnd, @Numerator, @Denominator, @Value, @Threshold, @Points, @MaxPoints, @Status)
        """;

    /// <summary>
    /// Deletes the replacement's periods' indicator value and index rows and inserts the new ones in one transaction
    /// (SQL Server's locks are per row, so ingestion does not wait for it); its finish runs before the commit.
    /// </summary>
    /// <returns>The number of indicator value rows deleted and inserted.</returns>
    public static async Task<int> ReplaceFiguresAsync(
        DbConnectionFactory db,
        FigureReplacement replacement,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(replacement);
        var (periods, rows, scores, finish) = replacement;
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var written = await ReplaceAsync(connection, transaction, periods, rows, ct).ConfigureAwait(false);
        if (scores is not null)
        {
            await connection
                .ExecuteAsync(
                    periods is null
                        ? new CommandDefinition(DeleteIndexScoresSql, transaction: transaction, cancellationToken: ct)
                        : new CommandDefinition(
                            DeletePeriodIndexScoresSql,
                            periods.Select(p => new { Period = p }),
                            transaction,
                            cancellationToken: ct
                        )
                )
                .ConfigureAwait(false);
            await connection
                .ExecuteAsync(new CommandDefinition(InsertIndexScoreSql, scores, transaction, cancellationToken: ct))
                .ConfigureAwait(false);
        }

        await finish(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return written;
    }

    /// <returns>The number of rows deleted and inserted.</returns>
    public static async Task<int> ReplaceAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyCollection<string>? periods,
        IReadOnlyList<IndicatorValueRow> rows,
        CancellationToken ct
    )
    {
        await connection
            .ExecuteAsync(new CommandDefinition(LockSql, transaction: transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        var deleted = periods is null
            ? await connection
                .ExecuteAsync(new CommandDefinition(DeleteAllSql, transaction: transaction, cancellationToken: ct))
                .ConfigureAwait(false)
            : await connection
                .ExecuteAsync(
                    new CommandDefinition(
                        DeletePeriodSql,
                        periods.Select(p => new { Period = StaleMarks.Ansi(p) }),
                        transaction,
                        cancellationToken: ct
                    )
                )
                .ConfigureAwait(false);
        await InsertJsonAsync(connection, transaction, rows, ct).ConfigureAwait(false);
        return deleted + rows.Count;
    }

    private static async Task InsertJsonAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<IndicatorValueRow> rows,
        CancellationToken ct
    )
    {
        foreach (var chunk in rows.Chunk(JsonChunk))
        {
            var json = JsonSerializer.Serialize(
                chunk.Select(r => new
                {
                    u = r.UnitCode,
                    i = r.IndicatorCode,
                    p = r.Period,
                    t = r.PeriodType,
                    s = DapperTypeHandlers.FormatDate(r.PeriodStart),
                    e = DapperTypeHandlers.FormatDate(r.PeriodEnd),
                    n = r.Numerator,
                    d = r.Denominator,
                    v = r.Value,
                    b = r.Band,
                    g = r.Target,
                    r = r.Structure,
                })
            );
            await connection
                .ExecuteAsync(
                    new CommandDefinition(InsertJsonSql, new { Rows = json }, transaction, cancellationToken: ct)
                )
                .ConfigureAwait(false);
        }
    }
}
