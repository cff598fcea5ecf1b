using System.Diagnostics;
using System.Globalization;
using Scorecard.Bench.Support;

namespace Scorecard.Bench.Portal;

/// <summary>
/// The portal routes over a province of ~280 units with millions of dossiers (five years at Lâm Đồng's
/// volume by default): p50/p95 of four routes through HTTP, and in the same run the baseline of a
/// direct GROUP BY over the dossiers table with covering indexes for the map and the scorecard.
/// </summary>
internal static class PortalBenchmark
{
    private static readonly (string Name, string Url)[] Routes =
    [
        ("(a) commune map, half-year", "/api/map?indicator=on-time&period=2025-H2&level=commune"),
        ("(b) province scorecard, year, byLevel", "/api/scorecards/49?period=2025"),
        (
            "(c) daily series, one year",
            "/api/series?unitCode=49&indicator=on-time&from=2025-01-01&to=2025-12-31&interval=day"
        ),
        ("(d) districts ranked by the index, year", "/api/rankings?indicator=index&period=2025&level=district"),
        ("(e) commune map of the index, half-year", "/api/map?indicator=index&period=2025-H2&level=commune"),
        ("(f) province index with groups and rank, year", "/api/index/49?period=2025"),
        (
            "(j) commune map in today's units, half-year before the reform",
            "/api/map?indicator=on-time&period=2025-H1&level=commune&structure=current"
        ),
        (
            "(k) province scorecard in today's units, year before the reform",
            "/api/scorecards/49?period=2024&structure=current"
        ),
    ];

    /// <summary>Read after 2025-H2 is published for the province: the kept figures answer.</summary>
    private static readonly (string Name, string Url)[] PublishedRoutes =
    [
        ("(g) commune map, published half-year", "/api/map?indicator=on-time&period=2025-H2&level=commune"),
        ("(h) province scorecard, published half-year", "/api/scorecards/49?period=2025-H2"),
        (
            "(i) commune map, published half-year, revised",
            "/api/map?indicator=on-time&period=2025-H2&level=commune&revised=true"
        ),
    ];

    public static async Task RunAsync(int dossiers, int years, int iterations, string? reuse)
    {
        var database = reuse
            ?? Path.Combine(Directory.CreateTempSubdirectory("scorecard-bench-portal").FullName, "scorecard.db");
        if (reuse is null || !File.Exists(reuse))
        {
            Console.WriteLine($"Loading {dossiers:N0} dossiers over {years} years into {database}…");
            var watch = Stopwatch.StartNew();
            var loaded = await PortalData.CreateAsync(database, dossiers, years).ConfigureAwait(false);
            Console.WriteLine($"Loaded {loaded:N0} dossiers in {watch.Elapsed.TotalMinutes:N1} min");
        }

        var stored = await BenchDatabase.ScalarAsync(database, "SELECT COUNT(*) FROM dossiers").ConfigureAwait(false);
        var results = new List<(string Name, Latency Api, Latency? Baseline)>();
        double peak,
            current,
            publishMs;
        string publication;
        await using (var api = await ApiProcess.StartAsync(database).ConfigureAwait(false))
        {
            using var http = new HttpClient { BaseAddress = api.BaseAddress };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
            await BenchDatabase.WaitForRefreshAsync(database).ConfigureAwait(false);
            foreach (var (name, url) in Routes)
            {
                results.Add((name, await MeasureAsync(http, url, iterations).ConfigureAwait(false), null));
            }

            var publishing = Stopwatch.StartNew();
            using (
                var published = await http.PostAsync(
                        new Uri("/api/publications", UriKind.Relative),
                        new StringContent(
                            """{"unitCode":"49","period":"2025-H2"}""",
                            System.Text.Encoding.UTF8,
                            "application/json"
                        )
                    )
                    .ConfigureAwait(false)
            )
            {
                published.EnsureSuccessStatusCode();
                publication = await published.Content.ReadAsStringAsync().ConfigureAwait(false);
            }

            publishMs = publishing.Elapsed.TotalMilliseconds;
            foreach (var (name, url) in PublishedRoutes)
            {
                results.Add((name, await MeasureAsync(http, url, iterations).ConfigureAwait(false), null));
            }

            (peak, current) = api.Memory();
        }

        var baselines = await DossierScanBaseline
            .MeasureAsync(database, Math.Max(5, iterations / 10))
            .ConfigureAwait(false);
        results[0] = (results[0].Name, results[0].Api, baselines.Map);
        results[1] = (results[1].Name, results[1].Api, baselines.Scorecard);
        await ReportAsync(dossiers, years, iterations, stored, results, peak, current, (publishMs, publication))
            .ConfigureAwait(false);
        if (reuse is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
        }
    }

    private static async Task ReportAsync(
        int dossiers,
        int years,
        int iterations,
        long stored,
        List<(string Name, Latency Api, Latency? Baseline)> results,
        double peak,
        double current,
        (double Ms, string Answer) publish
    )
    {
        var rows = string.Join(
            "\n",
            results.Select(r =>
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {r.Name} | {r.Api.P50:N1} | {r.Api.P95:N1} | "
                        + $"{(r.Baseline is { } b ? $"{b.P50:N0} / {b.P95:N0}" : "—")} | "
                        + $"{(r.Baseline is { } c ? $"{c.P50 / r.Api.P50:N0}×" : "—")} |"
                )
            )
        );
        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            ## Portal routes over {stored:N0} dossiers

            Command: `dotnet build -c Release && dotnet run -c Release --project Bench -- portal --dossiers {dossiers} --years {years} --iterations {iterations}`
            Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores.

            The demo province (280 units, 2,000 procedures) with {stored:N0} generated dossiers received over {years} years
            (the projections are loaded directly, the event log is not: only the read side is measured). Each route is
            called {iterations} times in a row over HTTP after one warm-up call; the API runs as its own process (Release, SQLite).
            The baseline is the same figures computed by a direct GROUP BY over the dossiers table, with covering indexes
            built for it, run on the same file from the benchmark process (no HTTP).

            | route | p50 ms | p95 ms | baseline p50 / p95 ms | baseline p50 ÷ route p50 |
            |---|---|---|---|---|
            {rows}

            Publishing 2025-H2 for the province (before g–i) took {publish.Ms:N0} ms: `{publish.Answer}`.

            API process memory: peak RSS {peak:N0} MiB, {current:N0} MiB at the end. Goals: every p95 ≤ 50 ms and ≥ 20× faster than the baseline.
            """
        );
        Console.WriteLine(report);
        await BenchmarkReport.WriteSectionAsync("portal", report).ConfigureAwait(false);
    }

    private static Task<Latency> MeasureAsync(HttpClient http, string url, int iterations) =>
        Latency.MeasureAsync(iterations, async () =>
        {
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        });
}
