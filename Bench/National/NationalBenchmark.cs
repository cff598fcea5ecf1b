using System.Diagnostics;
using System.Text.Json;
using Scorecard.Bench.OData;
using Scorecard.Bench.Support;

namespace Scorecard.Bench.National;

/// <summary>
/// Reads at national scale: 63 provinces becoming 34 on 1 July 2025 (<see cref="NationalUnits"/>), a year of dossiers
/// written as facts (<see cref="NationalData"/>), then the API as its own process: the first refresh of the indicator
/// values (time and memory), and p50/p95 over HTTP of the nationwide reads (<see cref="NationalRoutes"/>).
/// </summary>
internal static class NationalBenchmark
{
    public static async Task RunAsync(long dossiers, int iterations, string? reuse, bool loadOnly)
    {
        var database = reuse
            ?? Path.Combine(Directory.CreateTempSubdirectory("scorecard-bench-national").FullName, "scorecard.db");
        var run = new NationalRun { Dossiers = dossiers, Iterations = iterations };
        if (reuse is null || !File.Exists(reuse))
        {
            Console.WriteLine($"Writing the country and {dossiers:N0} dossiers' facts into {database}…");
            var watch = Stopwatch.StartNew();
            (run.Units, run.Written) = await NationalData.CreateAsync(database, dossiers).ConfigureAwait(false);
            run.Generation = watch.Elapsed;
            Console.WriteLine($"Written in {run.Generation.Value.TotalMinutes:N1} min");
        }
        else
        {
            Console.WriteLine($"Reusing {database}: every indicator value marked stale for the first refresh");
            await NationalDatabase.MarkAllStaleAsync(database).ConfigureAwait(false);
        }

        if (!loadOnly)
        {
            await MeasureAsync(database, run).ConfigureAwait(false);
            run.SizeMiB = NationalDatabase.SizeMiB(database);
            run.Rows = await NationalDatabase.RowsAsync(database).ConfigureAwait(false);
            var report = NationalReport.Render(run);
            Console.WriteLine(report);
            await BenchmarkReport.WriteSectionAsync("national", report).ConfigureAwait(false);
        }

        if (reuse is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
        }
    }

    private static async Task MeasureAsync(string database, NationalRun run)
    {
        var started = Stopwatch.StartNew();
        await using var api = await ApiProcess.StartAsync(database).ConfigureAwait(false);
        using (var sampler = new MemorySampler(api.Pid))
        {
            var report = Stopwatch.StartNew();
            while (!await BenchDatabase.RefreshedAsync(database).ConfigureAwait(false))
            {
                await Task.Delay(250).ConfigureAwait(false);
                if (report.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.WriteLine(
                        $"  refreshing… {started.Elapsed.TotalMinutes:N1} min, {api.Memory().CurrentMiB:N0} MiB"
                    );
                    report.Restart();
                }
            }

            run.Refresh = started.Elapsed;
            run.RefreshPeakMiB = Math.Max(api.Memory().PeakMiB, sampler.PeakMiB);
            run.RefreshAnonymousPeakMiB = sampler.AnonymousPeakMiB;
        }

        Console.WriteLine(
            $"First refresh done in {run.Refresh.TotalSeconds:N0} s, peak RSS {run.RefreshPeakMiB:N0} MiB"
        );
        var resetPeak = LocalProcess.TryResetPeak(api.Pid);
        using var sampling = new MemorySampler(api.Pid);
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
        http.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=10000");
        foreach (var route in NationalRoutes.All)
        {
            var rows = await ReadAsync(http, route.Url).ConfigureAwait(false);
            if (route.ExpectedRows is { } expected && rows != expected)
            {
                throw new InvalidOperationException($"{route.Url} answered {rows} rows, not {expected}.");
            }

            var latency = await Latency
                .MeasureAsync(run.Iterations, () => ReadAsync(http, route.Url))
                .ConfigureAwait(false);
            Console.WriteLine($"  {route.Name}: p50 {latency.P50:N1} ms, p95 {latency.P95:N1} ms");
            run.Results.Add((route, latency, rows));
        }

        var (peak, current) = api.Memory();
        run.ServingPeakMiB = resetPeak ? peak : sampling.PeakMiB;
        run.ServingAnonymousPeakMiB = sampling.AnonymousPeakMiB;
        run.EndMiB = current;
    }

    /// <summary>Reads a route to its end (a feed by its next links); the rows of a feed, the units of a map or the
    /// items of a ranking, 1 for another document.</summary>
    private static async Task<int> ReadAsync(HttpClient http, string url)
    {
        if (!url.StartsWith("/odata/", StringComparison.Ordinal))
        {
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var document = JsonDocument.Parse(
                await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false)
            );
            return document.RootElement.TryGetProperty("units", out var units) ? units.GetArrayLength()
                : document.RootElement.TryGetProperty("items", out var items) ? items.GetArrayLength()
                : 1;
        }

        var total = 0;
        for (string? next = url; next is not null; )
        {
            var (rows, link) = await FeedClient.ReadPageAsync(http, next).ConfigureAwait(false);
            (total, next) = (total + rows, link);
        }

        return total;
    }
}
