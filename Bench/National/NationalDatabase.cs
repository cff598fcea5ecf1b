using Scorecard.Bench.Support;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Bench.National;

/// <summary>What the benchmark reads of the database file directly: its size, its main tables' rows, whether the
/// indicator values are refreshed.</summary>
internal static class NationalDatabase
{
    public static readonly string[] Tables =
    [
        "units",
        "daily_facts",
        "monthly_facts",
        "procedure_use",
        "procedure_reach",
        "indicator_values",
        "index_scores",
        "dossiers",
        "dossier_events",
    ];

    /// <summary>The file with its write-ahead log, in MiB.</summary>
    public static double SizeMiB(string database) =>
        new[] { database, database + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length) / 1024.0 / 1024.0;

    public static async Task<IReadOnlyList<(string Table, long Rows)>> RowsAsync(string database)
    {
        var rows = new List<(string, long)>();
        foreach (var table in Tables)
        {
            // The names are the constants above, never outside text.
            rows.Add(
                (
                    table,
                    await BenchDatabase.ScalarAsync(database, $"SELECT COUNT(*) FROM {table}").ConfigureAwait(false)
                )
            );
        }

        return rows;
    }

    /// <summary>Marks every indicator value stale, as a change of reference data does, so that the next start of the
    /// API recomputes them all (a reused file).</summary>
    public static async Task MarkAllStaleAsync(string database)
    {
        var db = new DbConnectionFactory(DatabaseSettings.Create("Sqlite", $"Data Source={database}", null));
        await using var connection = await db.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await StaleMarks
            .MarkAllAsync(connection, transaction, db.Dialect, CancellationToken.None)
            .ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }
}
