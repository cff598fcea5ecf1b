using Microsoft.Data.Sqlite;
using Scorecard.Bench.Support;

namespace Scorecard.Bench.Portal;

/// <summary>
/// What the map and the scorecard cost without pre-aggregated facts: GROUP BY over the dossiers
/// table, with covering indexes made for exactly these queries (built before timing).
/// </summary>
internal static class DossierScanBaseline
{
    private const string IndexesSql = """
        CREATE INDEX IF NOT EXISTS bench_dossiers_finished ON dossiers (finished_at, unit_id, status, timeliness, finish_kind, electronic_result);
        CREATE INDEX IF NOT EXISTS bench_dossiers_received ON dossiers (received_at, unit_id, status, channel, digitised, online_eligible, violation,
            fee_required, paid_online, person_applicant, population_db_used);
        ANALYZE;
        """;

    private const string MapSql = """
        SELECT d.unit_id, SUM(CASE WHEN d.timeliness IN ('early', 'on-time') THEN 1 ELSE 0 END), COUNT(*)
        FROM dossiers d INNER JOIN units u ON u.id = d.unit_id AND u.level = 'commune'
        WHERE d.finished_at >= '2025-06-30T17:00:00.0000000Z' AND d.finished_at < '2025-12-31T17:00:00.0000000Z'
          AND d.status NOT IN ('withdrawn', 'refused')
        GROUP BY d.unit_id
        """;

    private const string ScorecardReceivedSql = """
        SELECT u.level, COUNT(*), SUM(d.digitised), SUM(d.online_eligible OR d.violation),
               SUM((d.online_eligible OR d.violation) AND d.channel = 'online'), SUM(d.fee_required), SUM(d.fee_required AND d.paid_online),
               SUM(d.person_applicant), SUM(d.person_applicant AND d.population_db_used)
        FROM dossiers d INNER JOIN units u ON u.id = d.unit_id
        WHERE d.received_at >= '2024-12-31T17:00:00.0000000Z' AND d.received_at < '2025-12-31T17:00:00.0000000Z'
          AND d.status NOT IN ('withdrawn', 'refused')
        GROUP BY u.level
        """;

    private const string ScorecardFinishedSql = """
        SELECT u.level, COUNT(*), SUM(CASE WHEN d.timeliness IN ('early', 'on-time') THEN 1 ELSE 0 END),
               SUM(d.finish_kind IN ('resolved', 'returned')), SUM(d.finish_kind IN ('resolved', 'returned') AND d.electronic_result)
        FROM dossiers d INNER JOIN units u ON u.id = d.unit_id
        WHERE d.finished_at >= '2024-12-31T17:00:00.0000000Z' AND d.finished_at < '2025-12-31T17:00:00.0000000Z'
          AND d.status NOT IN ('withdrawn', 'refused')
        GROUP BY u.level
        """;

    public static async Task<(Latency Map, Latency Scorecard)> MeasureAsync(string database, int iterations)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync().ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA cache_size = -65536").ConfigureAwait(false);
        Console.WriteLine("Building the baseline's covering indexes…");
        await ExecuteAsync(connection, IndexesSql).ConfigureAwait(false);
        var map = await Latency.MeasureAsync(iterations, () => ExecuteAsync(connection, MapSql)).ConfigureAwait(false);
        var scorecard = await Latency
            .MeasureAsync(iterations, async () =>
            {
                await ExecuteAsync(connection, ScorecardReceivedSql).ConfigureAwait(false);
                await ExecuteAsync(connection, ScorecardFinishedSql).ConfigureAwait(false);
            })
            .ConfigureAwait(false);
        return (map, scorecard);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        do
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                // read every row, as a report would
            }
        } while (await reader.NextResultAsync().ConfigureAwait(false));
    }
}
