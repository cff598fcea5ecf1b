using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Scorecard.Bench.Support;

/// <summary>What the benchmarks read from a database file beside the API.</summary>
internal static class BenchDatabase
{
    /// <summary>True once no stale mark is left and the table holds rows: the refresh has written everything.</summary>
    public static async Task<bool> RefreshedAsync(string database) =>
        await ScalarAsync(database, "SELECT EXISTS (SELECT 1 FROM indicator_values_stale)").ConfigureAwait(false) == 0
        && await ScalarAsync(database, "SELECT EXISTS (SELECT 1 FROM indicator_values)").ConfigureAwait(false) == 1;

    /// <summary>
    /// Waits until the API has written every indicator value. A file it has not refreshed yet is refreshed when it
    /// starts, in steps, the first of which already shows rows: reads measured before the last step would share the
    /// machine with it.
    /// </summary>
    public static async Task WaitForRefreshAsync(string database)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await RefreshedAsync(database).ConfigureAwait(false))
        {
            if (watch.Elapsed > TimeSpan.FromMinutes(30))
            {
                throw new TimeoutException("The API did not finish refreshing the indicator values in 30 min.");
            }

            await Task.Delay(500).ConfigureAwait(false);
        }

        Console.WriteLine($"Indicator values refreshed ({watch.Elapsed.TotalSeconds:N0} s waited)");
    }

    public static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
