using System.Globalization;
using Scorecard.Bench.Support;

namespace Scorecard.Bench.Crash;

/// <summary>What a crash run found, and its BENCHMARKS.md section.</summary>
internal sealed record CrashReport(
    int Cycles,
    int Clients,
    int Dossiers,
    int Seed,
    int Events,
    CrashTraffic Traffic,
    CrashRun Run,
    StoredEventCheck Stored,
    ProjectionCheck Projections,
    bool Passed,
    TimeSpan Duration
)
{
    public static string Render(CrashReport r)
    {
        var restarts = r.Run.RestartsMs;
        var restart = restarts.Count == 0 ? "–" : $"{restarts[restarts.Count / 2]:N0} ms / {restarts[^1]:N0} ms";
        var tables = string.Join(", ", r.Projections.Tables.Select(t => $"{t.Table} {t.Rows:N0}"));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            ## Crash safety: SIGKILL during ingestion, {r.Cycles} cycles

            Command: `dotnet build -c Release && dotnet run -c Release --project Bench -- crash --cycles {r.Cycles} --clients {r.Clients} --dossiers {r.Dossiers} --seed {r.Seed}`
            Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {r.Duration.TotalMinutes:N1} min.

            {r.Events:N0} generated events ({r.Dossiers:N0} dossiers of the demo province, one year) cut into {r.Traffic.Batches.Count:N0} batches
            of {CrashBatches.MinSize}–{CrashBatches.MaxSize:N0} and posted in time order, as far as the cycles went ({r.Stored.BatchesChecked:N0} batches), by {r.Clients} concurrent HTTP
            clients to the API process ({ApiProcess.Configuration}, SQLite file). Each cycle starts the API on the same file and kills it with SIGKILL
            0–{CrashBenchmark.MaxDelayMs:N0} ms after it is ready (r, a quarter of the cycles) or after its first 200 answer (a); seed {r.Seed}:
            {r.Run.Delays} ms.
            Most batches whose answer was lost are sent again after the restart, the others never; acknowledged batches are
            sometimes sent again whole, or as duplicates inside new batches. Then, with the service stopped, the file is checked:
            every event answered 200 is in dossier_events; each batch's events are all stored by one transaction (one stored_at,
            consecutive arrival numbers) or all absent; dossiers, daily_facts and monthly_facts equal, row for row and column for
            column, what the `rebuild` verb computes from the log. SIGKILL ends the process, not the machine: what a commit wrote
            survives in the operating system, so power loss also relies on SQLite's synchronous=FULL, which this run does not test.

            | measure | value |
            |---|---|
            | cycles: start, post, SIGKILL | {r.Cycles}, {(
                r.Run.EveryExitBySigkill ? "every exit by signal 9" : "NOT every exit by signal 9"
            )} |
            | cycles killed while new events were awaiting their answer | {r.Run.KilledWithNewEventsInFlight} of {r.Cycles} |
            | requests sent / acknowledged (200) / unanswered | {r.Traffic.Requests:N0} / {r.Traffic.AcknowledgedRequests:N0} / {r.Traffic.Requests
                - r.Traffic.AcknowledgedRequests:N0} |
            | events sent (with re-sends and duplicates) | {r.Traffic.EventsSent:N0} |
            | events acknowledged (distinct ids) / stored | {r.Traffic.AcknowledgedIds.Count:N0} / {r.Stored.StoredEvents:N0} |
            | **events lost** (acknowledged, not stored) | **{r.Stored.Lost:N0}** |
            | batches checked for atomicity: stored whole by one transaction / absent / **partial** | {r.Stored.BatchesChecked:N0}: {r.Stored.WholeBatches:N0} / {r.Stored.AbsentBatches:N0} / **{r.Stored.BatchesChecked
                - r.Stored.WholeBatches
                - r.Stored.AbsentBatches:N0}** |
            | batches never acknowledged: stored whole (answer lost) / absent | {r.Stored.UnacknowledgedStored:N0} / {r.Stored.UnacknowledgedAbsent:N0} |
            | events stored that no request carried | {r.Stored.Stray:N0} |
            | **projections equal to a rebuild** ({tables} rows) | **{(
                r.Projections.Equal ? "yes" : $"no, {r.Projections.Mismatches.Count:N0} rows differ"
            )}** |
            | start-up to ready on a killed file: p50 / max | {restart} |
            | result | {(r.Passed ? "passed" : "FAILED")} |
            """
        );
    }
}
