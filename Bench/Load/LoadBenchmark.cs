using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Scorecard.Bench.Support;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Bench.Load;

/// <summary>
/// Mixed load on one API process (SQLite): integrators posting batches, the portal reading, analysts
/// paging OData feeds, all at once for a fixed time. Passes when no answer is a 5xx and no body
/// mentions a locked database; reports throughput and p50/p99 per kind of request.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly string[] PortalUrls =
    [
        "/api/map?indicator=on-time&period=2025-H2&level=commune",
        "/api/scorecards/49?period=2025",
        "/api/series?unitCode=49&indicator=online-submission&from=2025-01-01&to=2025-12-31&interval=week",
        "/api/rankings?indicator=score&period=2025-Q4&level=district",
        "/api/map?indicator=digitisation&period=2025-11&level=district",
    ];

    public static async Task<int> RunAsync(int seconds, int ingestClients, int portalClients, int feedClients, int dossiers)
    {
        var directory = Directory.CreateTempSubdirectory("scorecard-bench-load").FullName;
        var database = Path.Combine(directory, "scorecard.db");
        await DemoYear.PrepareAsync(database).ConfigureAwait(false);
        var events = DemoYear.Events(dossiers);
        var batches = events.Chunk(500).Select(b => JsonSerializer.SerializeToUtf8Bytes(new { events = b.Select(DossierEventWire.ToJson) })).ToList();
        var warm = batches.Count / 2;
        Console.WriteLine($"{events.Count:N0} events in {batches.Count:N0} batches; the first {warm:N0} are posted before the measured run.");

        var samples = new ConcurrentBag<(string Kind, int Status, double Ms, bool Locked)>();
        double peak;
        await using (var api = await ApiProcess.StartAsync(database).ConfigureAwait(false))
        {
            using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < warm; i = Interlocked.Increment(ref next))
                {
                    await PostAsync(http, batches[i], null).ConfigureAwait(false);
                }
            }))).ConfigureAwait(false);

            Console.WriteLine($"Mixed load for {seconds} s: {ingestClients} integrators, {portalClients} portal readers, {feedClients} feed readers…");
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var rest = warm - 1;
            var clients = new List<Task>();
            clients.AddRange(Enumerable.Range(0, ingestClients).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    // Past the end of the year, batches are sent again: duplicates, as a retrying integrator sends them.
                    var i = Interlocked.Increment(ref rest);
                    await PostAsync(http, batches[warm + (i - warm) % (batches.Count - warm)], samples).ConfigureAwait(false);
                }
            })));
            clients.AddRange(Enumerable.Range(0, portalClients).Select(c => Task.Run(async () =>
            {
                for (var i = c; !stop.IsCancellationRequested; i++)
                {
                    await GetAsync(http, "portal", PortalUrls[i % PortalUrls.Length], samples).ConfigureAwait(false);
                }
            })));
            clients.AddRange(Enumerable.Range(0, feedClients).Select(c => Task.Run(async () =>
            {
                for (var i = c; !stop.IsCancellationRequested; i++)
                {
                    string? url = $"/odata/Dossiers?$filter=ReceivedAt ge 2025-{1 + (i % 12):00}-01T00:00:00%2B07:00&$top=3000&$select=Code,UnitCode,Status,Timeliness,ReceivedAt";
                    while (url is not null && !stop.IsCancellationRequested)
                    {
                        url = await GetAsync(http, "odata", url, samples).ConfigureAwait(false);
                    }

                    await GetAsync(http, "odata", $"/odata/Dossiers/$count?$filter=Status eq 'resolved' and year(ReceivedAt) eq 2025", samples).ConfigureAwait(false);
                }
            })));
            await Task.WhenAll(clients).ConfigureAwait(false);
            peak = api.Memory().PeakMiB;
        }

        Directory.Delete(directory, recursive: true);
        return await ReportAsync(seconds, ingestClients, portalClients, feedClients, dossiers, samples, peak).ConfigureAwait(false);
    }

    private static async Task PostAsync(HttpClient http, byte[] batch, ConcurrentBag<(string, int, double, bool)>? samples)
    {
        using var content = new ByteArrayContent(batch);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri("/api/dossier-events", UriKind.Relative), content).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        samples?.Add(("ingest", (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, Locked(body)));
        if (samples is null && !response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Warm-up batch refused: {(int)response.StatusCode} {body[..Math.Min(500, body.Length)]}");
        }
    }

    /// <returns>The next link of a feed page, if any.</returns>
    private static async Task<string?> GetAsync(HttpClient http, string kind, string url, ConcurrentBag<(string, int, double, bool)> samples)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute)).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        samples.Add((kind, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, Locked(body)));
        if (kind == "odata" && response.IsSuccessStatusCode && body.StartsWith('{'))
        {
            using var page = JsonDocument.Parse(body);
            return page.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return null;
    }

    private static bool Locked(string body) => body.Contains("database is locked", StringComparison.OrdinalIgnoreCase);

    private static async Task<int> ReportAsync(
        int seconds, int ingestClients, int portalClients, int feedClients, int dossiers, ConcurrentBag<(string Kind, int Status, double Ms, bool Locked)> samples, double peak)
    {
        static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * p) - 1)];
        var rows = samples.GroupBy(s => s.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var sorted = g.Select(s => s.Ms).Order().ToList();
            var statuses = string.Join(", ", g.GroupBy(s => s.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Count():N0}"));
            return string.Create(CultureInfo.InvariantCulture,
                $"| {g.Key} | {g.Count():N0} | {g.Count() / (double)seconds:N1} | {Percentile(sorted, 0.5):N1} | {Percentile(sorted, 0.99):N1} | {sorted[^1]:N0} | {statuses} |");
        });
        var serverErrors = samples.Count(s => s.Status >= 500);
        var locked = samples.Count(s => s.Locked);
        var passed = serverErrors == 0 && locked == 0;
        var report = string.Create(CultureInfo.InvariantCulture, $"""
            ## Mixed load: {ingestClients + portalClients + feedClients} clients for {seconds} s

            Command: `dotnet build -c Release && dotnet run -c Release --project Bench -- load --seconds {seconds} --ingest {ingestClients} --portal {portalClients} --feeds {feedClients} --dossiers {dossiers}`
            Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores.

            One API process (Release, SQLite file) with half a year of the demo province ingested first ({dossiers:N0} dossiers
            generated for the year), then at once: {ingestClients} integrators posting batches of 500 events (the rest of the year, then
            the same batches again as duplicates), {portalClients} portal readers cycling through the map, scorecard, series and
            ranking routes, and {feedClients} analysts paging `/odata/Dossiers` (filtered, 1,000 rows a page, following next links)
            and counting with `/$count`. Every request goes through the API key check; the rate limit is off.

            | kind | requests | per s | p50 ms | p99 ms | max ms | statuses |
            |---|---|---|---|---|---|---|
            {string.Join("\n", rows)}

            5xx answers: **{serverErrors}**; bodies mentioning a locked database: **{locked}**; API peak RSS {peak:N0} MiB. Result: {(passed ? "passed" : "FAILED")}.
            """);
        Console.WriteLine(report);
        await BenchmarkReport.WriteSectionAsync("load", report).ConfigureAwait(false);
        return passed ? 0 : 1;
    }
}
