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
