using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Scorecard.Bench.Support;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Bench.Sync;

/// <summary>
/// End-to-end national sync: each generated dossier's last snapshot (DongBoHoSoMC), posted over HTTP in batches
/// from concurrent clients to the API running as its own process on SQLite. Baseline in the same run: the same
/// dossiers' events posted to <c>/api/dossier-events</c> the way the ingest benchmark does, on a fresh file.
/// </summary>
internal static class SyncBenchmark
{
    public static async Task RunAsync(int dossiers, int clients, int batchSize, int runs)
    {
        Console.WriteLine($"Generating {dossiers:N0} dossiers…");
        var events = DemoYear.Events(dossiers);
        var histories = events.GroupBy(e => e.DossierCode, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        var snapshots = histories
            .OrderBy(h => h.Min(e => e.At))
            .Chunk(batchSize)
            .Select(b =>
                JsonSerializer.SerializeToUtf8Bytes(
                    new
                    {
                        service = "DongBoHoSoMC",
                        isUpdating = false,
                        data = b.Select(SnapshotWire.ToJson),
                    }
                )
            )
            .ToList();
        var eventBatches = events
            .Chunk(1000)
            .Select(b => JsonSerializer.SerializeToUtf8Bytes(new { events = b.Select(DossierEventWire.ToJson) }))
            .ToList();
        Console.WriteLine($"{histories.Count:N0} snapshots in {snapshots.Count:N0} batches of {batchSize}");

        var results = new List<Run>();
        for (var run = 1; run <= Math.Max(1, runs); run++)
        {
            var sync = await MeasureAsync(snapshots, "/api/sync/dossiers", clients).ConfigureAwait(false);
            var ingest = await MeasureAsync(eventBatches, "/api/dossier-events", clients).ConfigureAwait(false);
            var result = new Run(
                histories.Count / sync.Elapsed.TotalSeconds,
                sync,
                ingest,
                events.Count,
                histories.Count
            );
            Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"run {run}: {result.SnapshotRate:N0} snapshots/s ({result.SyncEventRate:N0} events/s stored), "
                        + $"events route {result.IngestRate:N0} events/s, ratio {result.Ratio:N2}"
                )
            );
            results.Add(result);
        }

        var median = results.OrderBy(r => r.SnapshotRate).ElementAt(results.Count / 2);
        var all = string.Join(
            ", ",
            results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.SnapshotRate:N0} ({r.Ratio:N2})"))
        );
        // The processor time each snapshot may take at the goal's rate, every core busy.
        var budget = Environment.ProcessorCount * 1e6 / 10_000;
        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            ## National sync: snapshots/s end to end, {clients} clients

            Command: `dotnet build -c Release && dotnet run -c Release --project Bench -- sync --dossiers {dossiers} --clients {clients} --batch {batchSize} --runs {results.Count}`
            Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores.

            {histories.Count:N0} dossiers of the demo province (one year), each sent once as its last snapshot
            (DongBoHoSoMC, with its supplements, fees, payment and result), in {snapshots.Count:N0} batches of {batchSize} posted by {clients}
            concurrent HTTP clients to `POST /api/sync/dossiers` (API process, Release, SQLite file, WAL, synchronous=FULL).
            Baseline in the same run: the same dossiers' {events.Count:N0} events posted to `POST /api/dossier-events` in batches
            of 1,000 by {clients} clients, on a fresh file. The table shows the median of {results.Count} run(s).

            | measure | value |
            |---|---|
            | sync end to end | {median.SnapshotRate:N0} snapshots/s ({median.Sync.Elapsed.TotalSeconds:N1} s) |
            | events the snapshots became | {median.Sync.Stored:N0} stored ({median.SyncEventRate:N0} events/s); {median.Sync.Rejected:N0} snapshots rejected |
            | baseline: the same dossiers as events | {median.IngestRate:N0} events/s ({median.Ingest.Elapsed.TotalSeconds:N1} s); {median.Ingest.Stored:N0} stored |
            | ratio events/s stored, sync / events | {median.Ratio:N2} |
            | processor time of the API process: per snapshot / per event stored, sync / per event, events route | {median.MicrosecondsPerSnapshot:N1} µs / {median.MicrosecondsPerEvent.Sync:N1} µs / {median.MicrosecondsPerEvent.Events:N1} µs |
            | every run: snapshots/s (ratio) | {all} |

            Per snapshot the sync route does what the events route does for its events, and before that reads the
            stored events of the request's dossiers (one query per request) and derives the events the snapshot implies.
            A ratio near 1 means the sync route stores events as fast as the events route: both wait on the same
            writer, so the goal of 10,000 snapshots/s (about 32,000 events/s) needs the events route's 40,000.
            At 10,000 snapshots/s, {Environment.ProcessorCount} cores give each snapshot at most {budget:N0} µs of processor time.
            """
        );
        Console.WriteLine(report);
        await BenchmarkReport.WriteSectionAsync($"sync-{clients}-clients", report).ConfigureAwait(false);
    }

    /// <param name="Processor">Processor time the API process used while the batches were posted, on every core.</param>
    private sealed record Posted(TimeSpan Elapsed, long Rejected, long Stored, TimeSpan Processor);

    private sealed record Run(double SnapshotRate, Posted Sync, Posted Ingest, int Events, int Snapshots)
    {
        public double SyncEventRate => Sync.Stored / Sync.Elapsed.TotalSeconds;

        public double IngestRate => Events / Ingest.Elapsed.TotalSeconds;

        public double Ratio => SyncEventRate / IngestRate;

        /// <summary>The API process's processor time per snapshot on the sync route.</summary>
        public double MicrosecondsPerSnapshot => Sync.Processor.TotalMicroseconds / Snapshots;

        /// <summary>The same per event stored, on the sync route and on the events route.</summary>
        public (double Sync, double Events) MicrosecondsPerEvent =>
            (Sync.Processor.TotalMicroseconds / Sync.Stored, Ingest.Processor.TotalMicroseconds / Events);
    }

    private static async Task<Posted> MeasureAsync(List<byte[]> batches, string route, int clients)
    {
        var directory = Directory.CreateTempSubdirectory("scorecard-bench-sync").FullName;
        try
        {
            var database = Path.Combine(directory, "scorecard.db");
            await DemoYear.PrepareAsync(database).ConfigureAwait(false);
            var (elapsed, rejected, processor) = await PostAllAsync(database, batches, route, clients)
                .ConfigureAwait(false);
            return new Posted(elapsed, rejected, await CountAsync(database).ConfigureAwait(false), processor);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, long Rejected, TimeSpan Processor)> PostAllAsync(
        string database,
        List<byte[]> batches,
        string route,
        int clients
    )
    {
        await using var api = await ApiProcess.StartAsync(database).ConfigureAwait(false);
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
        long rejected = 0;
        var processorBefore = api.ProcessorTime();
        var watch = Stopwatch.StartNew();
        await BatchPosting
            .PostAsync(http, batches, route, clients, (_, body) =>
            {
                var answer = JsonDocument.Parse(body).RootElement.GetProperty("rejected");
                Interlocked.Add(
                    ref rejected,
                    answer.ValueKind == JsonValueKind.Array ? answer.GetArrayLength() : answer.GetInt32()
                );
            })
            .ConfigureAwait(false);
        watch.Stop();
        return (watch.Elapsed, rejected, api.ProcessorTime() - processorBefore);
    }

    private static async Task<long> CountAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM dossier_events";
        return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }
}
