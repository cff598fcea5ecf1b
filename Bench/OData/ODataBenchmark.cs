using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Scorecard.Bench.Portal;
using Scorecard.Bench.Support;

namespace Scorecard.Bench.OData;

/// <summary>
/// The Dossiers feed over the benchmark province, measured through HTTP on the service and, in the
/// same run and on the same file, on the peer (EF Core with [EnableQuery], BenchPeer): a filtered
/// first page, a filtered count, and a full export following next links. Each process runs alone.
/// </summary>
internal static class ODataBenchmark
{
    public static async Task RunAsync(int dossiers, int years, int iterations, int export, string? reuse)
    {
        var database = reuse
            ?? Path.Combine(Directory.CreateTempSubdirectory("scorecard-bench-odata").FullName, "scorecard.db");
        if (reuse is null || !File.Exists(reuse))
        {
            Console.WriteLine($"Loading {dossiers:N0} dossiers over {years} years into {database}…");
            var watch = Stopwatch.StartNew();
            await PortalData.CreateAsync(database, dossiers, years).ConfigureAwait(false);
            Console.WriteLine($"Loaded in {watch.Elapsed.TotalMinutes:N1} min");
        }

        var (stored, months) = await ReadDatabaseAsync(database).ConfigureAwait(false);
        var units = months.Select(m => m.Unit).Distinct().ToList();
        var pages = Enumerable
            .Range(0, iterations + 1)
            .Select(i => months[(i * 37) % months.Count])
            .Select(m => PageUrl(m.Unit, m.Month))
            .ToList();
        var counts = Enumerable.Range(0, iterations + 1).Select(i => CountUrl(units[(i * 7) % units.Count])).ToList();
        var exportUrl = $"/odata/Dossiers?$top={export}";

        Measures service,
            peer;
        await using (var api = await ApiProcess.StartAsync(database).ConfigureAwait(false))
        {
            using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiProcess.Key);
            await BenchDatabase.WaitForRefreshAsync(database).ConfigureAwait(false);
            service = await MeasureAsync("service", http, pages, counts, exportUrl, export, api.Pid)
                .ConfigureAwait(false);
        }

        await using (var peerProcess = await PeerProcess.StartAsync(database).ConfigureAwait(false))
        {
            using var http = new HttpClient
            {
                BaseAddress = peerProcess.BaseAddress,
                Timeout = TimeSpan.FromMinutes(5),
            };
            peer = await MeasureAsync("peer", http, pages, counts, exportUrl, export, peerProcess.Pid)
                .ConfigureAwait(false);
        }

        await ReportAsync(dossiers, years, iterations, export, stored, service, peer).ConfigureAwait(false);
        if (reuse is null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(database)!, recursive: true);
        }
    }

    private static string PageUrl(string unit, int month) =>
        $"/odata/Dossiers?$filter=UnitCode eq '{unit}' and ReceivedAt ge 2025-{month:00}-01T00:00:00%2B07:00 and "
        + $"ReceivedAt lt {(month == 12 ? "2026-01" : $"2025-{month + 1:00}")}-01T00:00:00%2B07:00&$top=100";

    private static string CountUrl(string unit) =>
        $"/odata/Dossiers/$count?$filter=UnitCode eq '{unit}' and ReceivedAt ge 2025-01-01T00:00:00%2B07:00 and "
        + $"ReceivedAt lt 2026-01-01T00:00:00%2B07:00";

    private static async Task<Measures> MeasureAsync(
        string name,
        HttpClient http,
        List<string> pages,
        List<string> counts,
        string exportUrl,
        int export,
        int pid
    )
    {
        // One untimed pass over every request first: each process then meets the file's pages in the operating
        // system's cache and its own code compiled, whichever process ran before it.
        Console.WriteLine($"{name}: warm-up pass over the pages and counts…");
        foreach (var url in pages.Concat(counts))
        {
            using var response = await http.GetAsync(new Uri(url, UriKind.Relative)).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        }

        Console.WriteLine($"{name}: filtered first pages…");
        var i = 0;
        var page = await Latency
            .MeasureAsync(pages.Count - 1, async () =>
            {
                var (rows, _) = await FeedClient.ReadPageAsync(http, pages[i++ % pages.Count]).ConfigureAwait(false);
                if (rows == 0)
                {
                    throw new InvalidOperationException(
                        "A filtered page came back empty: the benchmark would measure nothing."
                    );
                }
            })
            .ConfigureAwait(false);
        Console.WriteLine($"{name}: counts…");
        var j = 0;
        var count = await Latency
            .MeasureAsync(counts.Count - 1, async () =>
            {
                using var response = await http.GetAsync(new Uri(counts[j++ % counts.Count], UriKind.Relative))
                    .ConfigureAwait(false);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            })
            .ConfigureAwait(false);
        Console.WriteLine($"{name}: export of {export:N0} rows…");
        if (!LocalProcess.TryResetPeak(pid))
        {
            throw new InvalidOperationException("The export's peak memory needs /proc/PID/clear_refs, refused here.");
        }

        var before = LocalProcess.Memory(pid).CurrentMiB;
        var (anonymous, mapped, _) = LocalProcess.Resident(pid);
        Console.WriteLine(
            $"{name}: {before:N0} MiB resident before the export: {anonymous:N0} MiB anonymous, {mapped:N0} MiB file-backed (PSS)"
        );
        var anonymousBefore = LocalProcess.AnonymousMiB(pid);
        using var sampler = new MemorySampler(pid);
        var watch = Stopwatch.StartNew();
        var exported = 0L;
        var requests = 0;
        string? next = exportUrl;
        while (next is not null)
        {
            var (rows, link) = await FeedClient.ReadPageAsync(http, next).ConfigureAwait(false);
            exported += rows;
            requests++;
            next = link;
            if (requests % 100 == 0)
            {
                Console.WriteLine($"  {exported:N0} rows, {exported / watch.Elapsed.TotalSeconds:N0} rows/s");
            }
        }

        var elapsed = watch.Elapsed;
        if (exported != export)
        {
            throw new InvalidOperationException($"{name} exported {exported:N0} rows, not {export:N0}.");
        }

        return new Measures(
            page,
            count,
            exported / elapsed.TotalSeconds,
            elapsed,
            requests,
            before,
            LocalProcess.Memory(pid).PeakMiB,
            anonymousBefore,
            Math.Max(sampler.AnonymousPeakMiB, LocalProcess.AnonymousMiB(pid))
        );
    }

    /// <summary>The number of dossiers, and each unit and month of 2025 in which the unit received dossiers (units
    /// that ended or began in the 2025 reorganisation received them in some months only).</summary>
    private static async Task<(long Stored, List<(string Unit, int Month)> Months)> ReadDatabaseAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM dossiers";
        var stored = Convert.ToInt64(
            await command.ExecuteScalarAsync().ConfigureAwait(false),
            CultureInfo.InvariantCulture
        );
        command.CommandText = """
            SELECT u.code, CAST(substr(f.day, 6, 2) AS INTEGER) AS month
            FROM daily_facts f INNER JOIN units u ON u.id = f.unit_id
            WHERE f.day >= '2025-01-01' AND f.day < '2026-01-01' AND f.received > 0
            GROUP BY u.code, month
            ORDER BY u.code, month
            """;
        var months = new List<(string, int)>();
        await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                months.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        return (stored, months);
    }

    private static async Task ReportAsync(
        int dossiers,
        int years,
        int iterations,
        int export,
        long stored,
        Measures service,
        Measures peer
    )
    {
        string Row(string what, double ours, double theirs, string unit, bool higherIsBetter) =>
            string.Create(
                CultureInfo.InvariantCulture,
                $"| {what} | {ours:N1} {unit} | {theirs:N1} {unit} | "
                    + $"{(higherIsBetter ? ours / theirs : theirs / ours):N1}× |"
            );
        var report = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            ## OData feed over {stored:N0} dossiers, against an EF Core peer

            Command: `dotnet build -c Release && dotnet run -c Release --project Bench -- odata --dossiers {dossiers} --years {years} --iterations {iterations} --export {export}`
            Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores.

            The benchmark province of the portal benchmark ({stored:N0} dossiers over {years} years, SQLite). The service (Release,
            its own process) and the peer (BenchPeer: EF Core 10 Sqlite with `[EnableQuery(PageSize = 1000)]` over the same file,
            the way most .NET teams serve a feed) are measured one after the other with the same requests, each alone on the machine.
            Both page at 1,000 rows. (a) a filtered first page: `$filter=UnitCode eq … and ReceivedAt ge … and ReceivedAt lt …` (one
            unit and a month of 2025 in which it received dossiers, {iterations} such pairs in turn) with `$top=100`; (b) `/Dossiers/$count` with a
            filter on a unit and a year; (c) `$top={export}` exported by following every `@odata.nextLink` (the service continues by
            keyset `$skiptoken`, the peer by `$skip`). Before (a) and (b) each process reads every one of their requests once,
            untimed, so that neither pays for the first reads of the file from disk or the compilation of its code and the
            other not.

            | measure | service | EF Core peer | service advantage |
            |---|---|---|---|
            {Row("(a) filtered first page p50", service.Page.P50, peer.Page.P50, "ms", false)}
            {Row("(a) filtered first page p95", service.Page.P95, peer.Page.P95, "ms", false)}
            {Row("(b) filtered $count p50", service.Count.P50, peer.Count.P50, "ms", false)}
            {Row("(b) filtered $count p95", service.Count.P95, peer.Count.P95, "ms", false)}
            {Row("(c) export rows/s", service.RowsPerSecond, peer.RowsPerSecond, "rows/s", true)}
            {Row("(c) export, RSS of the serving process when it began", service.StartMiB, peer.StartMiB, "MiB", false)}
            {Row("(c) export, peak RSS of the serving process during it", service.PeakMiB, peer.PeakMiB, "MiB", false)}
            {Row(
                "(c) export, the process's own memory (RssAnon) when it began",
                service.AnonymousStartMiB,
                peer.AnonymousStartMiB,
                "MiB",
                false
            )}
            {Row(
                "(c) export, the process's own memory (RssAnon), peak sampled every 200 ms during it",
                service.AnonymousPeakMiB,
                peer.AnonymousPeakMiB,
                "MiB",
                false
            )}

            Export: service {service.Requests:N0} requests in {service.Elapsed.TotalSeconds:N1} s, peer {peer.Requests:N0} requests in {peer.Elapsed.TotalSeconds:N1} s.
            RSS also counts the program's mapped libraries and the database's shared log index (file-backed and shared
            pages); the process's own memory is what it allocated (managed heap, SQLite's and glibc's heaps, stacks).
            Goals: (a) p95 ≤ 20 ms; (c) ≥ 50,000 rows/s with the API under 300 MB; at least as fast as the peer on every measure.
            """
        );
        Console.WriteLine(report);
        await BenchmarkReport.WriteSectionAsync("odata", report).ConfigureAwait(false);
    }

    private sealed record Measures(
        Latency Page,
        Latency Count,
        double RowsPerSecond,
        TimeSpan Elapsed,
        int Requests,
        double StartMiB,
        double PeakMiB,
        double AnonymousStartMiB,
        double AnonymousPeakMiB
    );
}
