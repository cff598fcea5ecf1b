using System.Diagnostics;
using Scorecard.Bench.Support;

namespace Scorecard.Bench.Crash;

/// <summary>
/// Crash safety of ingestion: the API as its own process on one SQLite file, killed with SIGKILL at
/// a random moment while concurrent clients post batches, restarted on the same file, many times.
/// Then, with the service stopped: no acknowledged event is lost, no batch is half stored, and the
/// projections equal a rebuild from the event log.
/// </summary>
internal static class CrashBenchmark
{
    public const int MaxDelayMs = 2000;

    /// <summary>Share of the cycles whose delay counts from ready (kills during warm-up); the others count from the
    /// first 200.</summary>
    public const double FromReadyShare = 0.25;

    private const int SigkillExitCode = 137;

    private static readonly TimeSpan FirstAnswerTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Runs the cycles and the checks; the temporary database is deleted, unless the run failed and is to be
    /// kept.</summary>
    public static async Task<CrashReport> RunAsync(
        int cycles,
        int clients,
        int dossiers,
        int seed,
        bool keepFailedDatabase
    )
    {
        var directory = Directory.CreateTempSubdirectory("scorecard-bench-crash").FullName;
        var database = Path.Combine(directory, "scorecard.db");
        var keep = false;
        try
        {
            var report = await RunAsync(database, cycles, clients, dossiers, seed).ConfigureAwait(false);
            keep = keepFailedDatabase && !report.Passed;
            return report;
        }
        finally
        {
            if (keep)
            {
                Console.WriteLine($"The database is kept for inspection: {database}");
            }
            else
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private static async Task<CrashReport> RunAsync(string database, int cycles, int clients, int dossiers, int seed)
    {
        var watch = Stopwatch.StartNew();
        await DemoYear.PrepareAsync(database).ConfigureAwait(false);
        Console.WriteLine($"Generating {dossiers:N0} dossiers…");
        var events = DemoYear.Events(dossiers);
        var traffic = new CrashTraffic(events, seed);
        Console.WriteLine(
            $"{events.Count:N0} events in {traffic.Batches.Count:N0} batches; {cycles} cycles, {clients} clients, "
                + $"seed {seed}; database {database}"
        );

        var delays = new Random(seed);
        var run = new CrashRun();
        for (var cycle = 0; cycle < cycles; cycle++)
        {
            await CycleAsync(database, clients, traffic, delays, run, cycle, cycles).ConfigureAwait(false);
        }

        Console.WriteLine("Checking the event log…");
        var stored = await StoredEventCheck.RunAsync(database, traffic).ConfigureAwait(false);
        Console.WriteLine("Comparing the projections with a rebuild…");
        var projections = await ProjectionCheck.RunAsync(database).ConfigureAwait(false);
        run.Problems.AddRange(traffic.Anomalies);
        run.Problems.AddRange(stored.Problems);
        run.Problems.AddRange(projections.Shown());
        var passed = stored.Passed && projections.Equal && run.Problems.Count == 0;

        var report = new CrashReport(
            cycles,
            clients,
            dossiers,
            seed,
            events.Count,
            traffic,
            run,
            stored,
            projections,
            passed,
            watch.Elapsed
        );
        Console.WriteLine(CrashReport.Render(report));
        foreach (var problem in run.Problems)
        {
            Console.WriteLine($"  ✗ {problem}");
        }

        return report;
    }

    /// <summary>
    /// Starts the API, lets the clients post, and kills it a random delay after it is ready or after
    /// its first 200 (so that kills land in steady ingestion however long the warm-up takes).
    /// </summary>
    private static async Task CycleAsync(
        string database,
        int clients,
        CrashTraffic traffic,
        Random delays,
        CrashRun run,
        int cycle,
        int cycles
    )
    {
        traffic.BeginCycle(cycle, cycles);
        var (requests, acknowledged) = (traffic.Requests, traffic.AcknowledgedRequests);
        var fromReady = delays.NextDouble() < FromReadyShare;
        var delay = delays.Next(0, MaxDelayMs + 1);
        var starting = Stopwatch.StartNew();
        await using var api = await ApiProcess.StartAsync(database).ConfigureAwait(false);
        var ready = starting.Elapsed.TotalMilliseconds;
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
        using var kill = new CancellationTokenSource();
        var sending = Enumerable
            .Range(0, clients)
            .Select(_ => Task.Run(() => CrashClient.RunAsync(http, traffic, () => kill.IsCancellationRequested)))
            .ToList();
        if (
            !fromReady
            && await Task.WhenAny(traffic.FirstAcknowledgement, Task.Delay(FirstAnswerTimeout)).ConfigureAwait(false)
                != traffic.FirstAcknowledgement
        )
        {
            run.Problems.Add($"cycle {cycle + 1}: no batch acknowledged within {FirstAnswerTimeout.TotalSeconds:N0} s");
        }

        await Task.Delay(delay).ConfigureAwait(false);
        var inFlight = traffic.InFlight;
        await kill.CancelAsync().ConfigureAwait(false);
        var exitCode = await api.KillAsync().ConfigureAwait(false);
        await Task.WhenAll(sending).ConfigureAwait(false);

        run.Add(ready, delay, fromReady, exitCode == SigkillExitCode, inFlight.Unacknowledged > 0);
        if (exitCode != SigkillExitCode)
        {
            run.Problems.Add(
                $"cycle {cycle + 1}: the API exited with {ApiProcess.ExitDescription(exitCode)}, not by SIGKILL"
            );
        }

        Console.WriteLine(
            $"cycle {cycle + 1, 2}/{cycles}: ready in {ready, 5:N0} ms, SIGKILL {delay, 4} ms after "
                + $"{(fromReady ? "ready       " : "the first 200")} (exit {exitCode}) "
                + $"with {inFlight.Requests} requests in flight ({inFlight.Unacknowledged} with new events); "
                + $"{traffic.Requests - requests, 3} requests, {traffic.AcknowledgedRequests - acknowledged, 3} "
                + $"acknowledged; "
                + $"{traffic.AcknowledgedIds.Count:N0} events acknowledged so far"
        );
    }
}
