using System.Collections.Concurrent;
using System.Diagnostics;
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

    /// <summary>Runs the load on a temporary database, deleted afterwards, and prints the report.</summary>
    public static async Task<LoadReport> RunAsync(
        int seconds,
        int ingestClients,
        int portalClients,
        int feedClients,
        int dossiers
    )
    {
        var directory = Directory.CreateTempSubdirectory("scorecard-bench-load").FullName;
        try
        {
            var (samples, peakMiB, resident) = await RunAsync(
                    Path.Combine(directory, "scorecard.db"),
                    seconds,
                    ingestClients,
                    portalClients,
                    feedClients,
                    dossiers
                )
                .ConfigureAwait(false);
            var report = new LoadReport(
                seconds,
                ingestClients,
                portalClients,
                feedClients,
                dossiers,
                samples,
                peakMiB,
                resident
            );
            Console.WriteLine(report.Render());
            return report;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(
        List<LoadSample> Samples,
        double PeakMiB,
        (double Anonymous, double File, double Shared) Resident
    )> RunAsync(string database, int seconds, int ingestClients, int portalClients, int feedClients, int dossiers)
    {
        await DemoYear.PrepareAsync(database).ConfigureAwait(false);
        var events = DemoYear.Events(dossiers);
        var batches = events
            .Chunk(500)
            .Select(b => JsonSerializer.SerializeToUtf8Bytes(new { events = b.Select(DossierEventWire.ToJson) }))
            .ToList();
        var warm = batches.Count / 2;
        Console.WriteLine(
            $"{events.Count:N0} events in {batches.Count:N0} batches; the first {warm:N0} are posted before the "
                + $"measured run."
        );

        var samples = new ConcurrentBag<LoadSample>();
        double peak;
        (double Anonymous, double File, double Shared) resident = default;
        await using (var api = await ApiProcess.StartAsync(database).ConfigureAwait(false))
        {
            using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
            await Clients.EachAsync(4, warm, i => PostAsync(http, batches[i], null)).ConfigureAwait(false);

            Console.WriteLine(
                $"Mixed load for {seconds} s: {ingestClients} integrators, {portalClients} portal readers, "
                    + $"{feedClients} feed readers…"
            );
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
            var rest = warm - 1;
            var clients = new List<Task>();
            clients.AddRange(
                Enumerable
                    .Range(0, ingestClients)
                    .Select(_ =>
                        Task.Run(async () =>
                        {
                            while (!stop.IsCancellationRequested)
                            {
                                // Past the end of the year, batches are sent again: duplicates, as a retrying
                                // integrator sends them.
                                var i = Interlocked.Increment(ref rest);
                                await PostAsync(http, batches[warm + (i - warm) % (batches.Count - warm)], samples)
                                    .ConfigureAwait(false);
                            }
                        })
                    )
            );
            clients.AddRange(
                Enumerable
                    .Range(0, portalClients)
                    .Select(c =>
                        Task.Run(async () =>
                        {
                            for (var i = c; !stop.IsCancellationRequested; i++)
                            {
                                await GetAsync(http, "portal", PortalUrls[i % PortalUrls.Length], samples)
                                    .ConfigureAwait(false);
                            }
                        })
                    )
            );
            clients.AddRange(
                Enumerable
                    .Range(0, feedClients)
                    .Select(c =>
                        Task.Run(async () =>
                        {
                            for (var i = c; !stop.IsCancellationRequested; i++)
                            {
                                string? url =
                                    $"/odata/Dossiers?$filter=ReceivedAt ge "
                                    + $"2025-{1 + (i % 12):00}-01T00:00:00%2B07:00&$top=3000&$select=Code,UnitCode,Status,Timeliness,ReceivedAt";
                                while (url is not null && !stop.IsCancellationRequested)
                                {
                                    url = await GetAsync(http, "odata", url, samples).ConfigureAwait(false);
                                }

                                await GetAsync(
                                        http,
                                        "odata",
                                        $"/odata/Dossiers/$count?$filter=Status eq 'resolved' and year(ReceivedAt) "
                                            + $"eq 2025",
                                        samples
                                    )
                                    .ConfigureAwait(false);
                            }
                        })
                    )
            );
            // The resident memory by kind, sampled while the load runs: what the peak is made of.
            clients.Add(
                Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        var (anonymous, file, shared) = LocalProcess.Resident(api.Pid);
                        resident = (
                            Math.Max(resident.Anonymous, anonymous),
                            Math.Max(resident.File, file),
                            Math.Max(resident.Shared, shared)
                        );
                        await Task.Delay(250, CancellationToken.None).ConfigureAwait(false);
                    }
                })
            );
            await Task.WhenAll(clients).ConfigureAwait(false);
            peak = api.Memory().PeakMiB;
        }

        return ([.. samples], peak, resident);
    }

    private static async Task PostAsync(HttpClient http, byte[] batch, ConcurrentBag<LoadSample>? samples)
    {
        using var content = new ByteArrayContent(batch);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync(new Uri("/api/dossier-events", UriKind.Relative), content)
            .ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        samples?.Add(new LoadSample("ingest", (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, Locked(body)));
        if (samples is null && !response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"Warm-up batch refused: {(int)response.StatusCode} {body[..Math.Min(500, body.Length)]}"
            );
        }
    }

    /// <returns>The next link of a feed page, if any.</returns>
    private static async Task<string?> GetAsync(
        HttpClient http,
        string kind,
        string url,
        ConcurrentBag<LoadSample> samples
    )
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute)).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        samples.Add(new LoadSample(kind, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, Locked(body)));
        if (kind == "odata" && response.IsSuccessStatusCode && body.StartsWith('{'))
        {
            using var page = JsonDocument.Parse(body);
            return page.RootElement.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return null;
    }

    private static bool Locked(string body) => body.Contains("database is locked", StringComparison.OrdinalIgnoreCase);
}
