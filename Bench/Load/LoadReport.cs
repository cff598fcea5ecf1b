using System.Globalization;
using Scorecard.Bench.Support;

namespace Scorecard.Bench.Load;

/// <summary>A mixed-load run: every answer, and its BENCHMARKS.md section.</summary>
internal sealed record LoadReport(
    int Seconds,
    int IngestClients,
    int PortalClients,
    int FeedClients,
    int Dossiers,
    IReadOnlyList<LoadSample> Samples,
    double PeakMiB,
    (double Anonymous, double File, double Shared) Resident
)
{
    public int ServerErrors => Samples.Count(s => s.Status >= 500);

    public int LockedAnswers => Samples.Count(s => s.Locked);

    public bool Passed => ServerErrors == 0 && LockedAnswers == 0;

    public string Render()
    {
        static double Percentile(List<double> sorted, double p) =>
            sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * p) - 1)];
        var rows = Samples
            .GroupBy(s => s.Kind)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var sorted = g.Select(s => s.Ms).Order().ToList();
                var statuses = string.Join(
                    ", ",
                    g.GroupBy(s => s.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Count():N0}")
                );
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {g.Key} | {g.Count():N0} | {g.Count() / (double)Seconds:N1} | {Percentile(sorted, 0.5):N1} | "
                        + $"{Percentile(sorted, 0.99):N1} | {sorted[^1]:N0} | {statuses} |"
                );
            });
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            ## Mixed load: {IngestClients + PortalClients + FeedClients} clients for {Seconds} s

            Command: `dotnet build -c Release && dotnet run -c Release --project Bench -- load --seconds {Seconds} --ingest {IngestClients} --portal {PortalClients} --feeds {FeedClients} --dossiers {Dossiers}`
            Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores.

            One API process ({ApiProcess.Configuration}, SQLite file) with half a year of the demo province ingested first ({Dossiers:N0} dossiers
            generated for the year), then at once: {IngestClients} integrators posting batches of 500 events (the rest of the year, then
            the same batches again as duplicates), {PortalClients} portal readers cycling through the map, scorecard, series and
            ranking routes, and {FeedClients} analysts paging `/odata/Dossiers` (filtered, 1,000 rows a page, following next links)
            and counting with `/$count`. Every request goes through the API key check; the rate limit is off.

            | kind | requests | per s | p50 ms | p99 ms | max ms | statuses |
            |---|---|---|---|---|---|---|
            {string.Join("\n", rows)}

            5xx answers: **{ServerErrors}**; bodies mentioning a locked database: **{LockedAnswers}**; API peak RSS {PeakMiB:N0} MiB (proportional set size, highest sampled every 250 ms: anonymous {Resident.Anonymous:N0} MiB, file-backed {Resident.File:N0} MiB, shared {Resident.Shared:N0} MiB; RSS counts the database once per pooled connection that maps it). Result: {(
                Passed ? "passed" : "FAILED"
            )}.
            """
        );
    }
}
