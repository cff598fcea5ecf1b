using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Scorecard.Bench.Support;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Bench.Size;

/// <summary>
/// How the SQLite database grows with the event log: a year of the demo province's events posted through the
/// API in time order, the database measured (its pages, and each table's and index's through SQLite's dbstat)
/// after each of several equal parts; growth per million events is the slope from the first part to the last,
/// so what does not grow with events (units, procedures, indicator values) drops out.
/// </summary>
internal static class SizeBenchmark
{
    public static async Task RunAsync(int dossiers, int parts)
    {
        Console.WriteLine($"Generating {dossiers:N0} dossiers…");
        var events = DemoYear.Events(dossiers);
        // Each part is every parts-th dossier of the whole year, in time order: every part spans the same months,
        // so the growth from one to the next is what more events add, not what more months add.
        var partsOfBatches = events
            .GroupBy(e => e.DossierCode)
            .Select((dossier, index) => (dossier, index))
            .GroupBy(d => d.index % parts, d => d.dossier)
            .Select(part =>
                part.SelectMany(d => d)
                    .OrderBy(e => e.At)
                    .Chunk(1000)
                    .Select(b =>
                        JsonSerializer.SerializeToUtf8Bytes(new { events = b.Select(DossierEventWire.ToJson) })
                    )
                    .ToArray()
            )
            .ToList();
        var directory = Directory.CreateTempSubdirectory("scorecard-bench-size").FullName;
        try
        {
            var database = Path.Combine(directory, "scorecard.db");
            await DemoYear.PrepareAsync(database).ConfigureAwait(false);
            var samples = new List<Sample> { await MeasureAsync(database).ConfigureAwait(false) };
            var splits = new List<Split>();
            await using (var api = await ApiProcess.StartAsync(database).ConfigureAwait(false))
            {
                using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
                http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
                foreach (var part in partsOfBatches)
                {
                    await BatchPosting.PostAsync(http, part, "/api/dossier-events", 4).ConfigureAwait(false);
                    samples.Add(await MeasureAsync(database).ConfigureAwait(false));
                    if (samples.Count == 2)
                    {
                        splits.Add(await SplitAsync(database).ConfigureAwait(false));
                    }

                    Console.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{samples[^1].Events:N0} events: {samples[^1].Bytes / 1048576.0:N1} MiB"
                        )
                    );
                }
            }

            splits.Add(await SplitAsync(database).ConfigureAwait(false));
            var report = Render(dossiers, parts, samples, splits[0], splits[^1]);
            Console.WriteLine(report);
            await BenchmarkReport.WriteSectionAsync("size", report).ConfigureAwait(false);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private sealed record Sample(long Events, long Dossiers, long Bytes);

    /// <summary>The database compacted (<c>VACUUM INTO</c>), and compacted without the event log
    /// (<c>dossier_events</c> and its indexes): what the log itself takes.</summary>
    private sealed record Split(long Compact, long WithoutLog)
    {
        public long Log => Compact - WithoutLog;
    }

    private static async Task<Split> SplitAsync(string database)
    {
        var copy = database + ".split";
        File.Delete(copy);
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $copy";
            vacuum.Parameters.AddWithValue("$copy", copy);
            await vacuum.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        var compact = new FileInfo(copy).Length;
        await using (var connection = new SqliteConnection($"Data Source={copy};Pooling=False"))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var drop = connection.CreateCommand();
            drop.CommandText = "PRAGMA foreign_keys = OFF; DROP TABLE dossier_events; VACUUM;";
            await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        var split = new Split(compact, new FileInfo(copy).Length);
        File.Delete(copy);
        return split;
    }

    /// <summary>The database as a reader sees it (the write-ahead log included): its pages, and per table the pages
    /// of the table and its indexes.</summary>
    private static async Task<Sample> MeasureAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync().ConfigureAwait(false);
        async Task<long> ScalarAsync(string sql)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(
                await command.ExecuteScalarAsync().ConfigureAwait(false),
                CultureInfo.InvariantCulture
            );
        }

        return new Sample(
            await ScalarAsync("SELECT COUNT(*) FROM dossier_events").ConfigureAwait(false),
            await ScalarAsync("SELECT COUNT(*) FROM dossiers").ConfigureAwait(false),
            await ScalarAsync("SELECT c.page_count * s.page_size FROM pragma_page_count() c, pragma_page_size() s")
                .ConfigureAwait(false)
        );
    }

    private static string Render(int dossiers, int parts, List<Sample> samples, Split firstSplit, Split lastSplit)
    {
        var (first, last) = (samples[1], samples[^1]);
        var events = last.Events - first.Events;
        double PerMillion(long bytes) => bytes / (double)events * 1_000_000 / 1048576.0;
        var text = new StringBuilder();
        text.Append(
            CultureInfo.InvariantCulture,
            $"""
            ## Database size: growth per million events

            Command: `dotnet build -c Release && dotnet run -c Release --project Bench -- size --dossiers {dossiers} --parts {parts}`
            Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores.

            {last.Events:N0} events of {last.Dossiers:N0} dossiers (the demo province, one year) posted through the API
            in {parts} parts into a SQLite file holding the demo reference data, each part one dossier in {parts} of the
            whole year, in time order (so every part spans the same months); the database
            measured after each part (pages as a reader sees them; the event log's share from compacted copies
            with and without it, `VACUUM INTO`, after the first part and the last).
            Growth is the slope from the first part to the last ({events:N0} events), so what does not grow with
            the events (reference data, indicator values, the first fact row of each unit and day) drops out.

            | after | events | dossiers | database |
            |---|---|---|---|

            """
        );
        foreach (var s in samples)
        {
            text.Append(
                CultureInfo.InvariantCulture,
                $"| {(s == samples[0] ? "reference data only" : "a part")} | {s.Events:N0} | {s.Dossiers:N0} | {s.Bytes / 1048576.0:N1} MiB |\n"
            );
        }

        text.Append(
            CultureInfo.InvariantCulture,
            $"""

            | per million events | MiB | bytes per event |
            |---|---|---|
            | whole database | {PerMillion(last.Bytes - first.Bytes):N0} | {(last.Bytes - first.Bytes)
                / (double)events:N0} |

            """
        );
        text.Append(
            CultureInfo.InvariantCulture,
            $"| the event log (`dossier_events` and its indexes), compacted | {PerMillion(lastSplit.Log - firstSplit.Log):N0} | {(lastSplit.Log - firstSplit.Log) / (double)events:N0} |\n"
        );
        text.Append(
            CultureInfo.InvariantCulture,
            $"| everything else (dossiers, daily and monthly facts, …), compacted | {PerMillion(lastSplit.WithoutLog - firstSplit.WithoutLog):N0} | {(lastSplit.WithoutLog - firstSplit.WithoutLog) / (double)events:N0} |\n"
        );
        return text.ToString();
    }
}
