using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Scorecard.Bench.Support;
using Scorecard.Domain.Dossiers;

namespace Scorecard.Bench.Ingestion;

/// <summary>
/// What the writer's commits put in the write-ahead log, table by table: the same events as the ingestion benchmark,
/// handed to the writer in this process (<see cref="WriterAlone"/>) with the log held for the run, then read.
/// Every page a commit changed is written whole to the log (and again to the file by the checkpoint), so the pages
/// per commit are what each commit costs in writes, checksums and fsync.
/// </summary>
internal static class LogBenchmark
{
    /// <param name="codesByDay">Rewrites every dossier code (and the event ids made from it) so that it sorts by
    /// the day the dossier was received before its unit: what the pages per commit would be if the tables keyed by
    /// dossier kept a commit's dossiers together.</param>
    public static async Task RunAsync(int dossiers, int clients, int batchSize, bool codesByDay)
    {
        Console.WriteLine($"Generating {dossiers:N0} dossiers…");
        var events = DemoYear.Events(dossiers);
        if (codesByDay)
        {
            events = [.. events.Select(ByDay)];
        }

        var directory = Directory.CreateTempSubdirectory("scorecard-bench-log").FullName;
        try
        {
            var database = Path.Combine(directory, "scorecard.db");
            await DemoYear.PrepareAsync(database).ConfigureAwait(false);
            var (elapsed, _, log) = await WriterAlone
                .RunAsync(database, events, clients, batchSize, readLog: true)
                .ConfigureAwait(false);
            var units = await BenchDatabase
                .ScalarAsync(database, "SELECT COUNT(DISTINCT unit_id) FROM dossiers")
                .ConfigureAwait(false);
            var report = Render(log!, events.Count, elapsed, (dossiers, clients, batchSize, codesByDay), units);
            Console.WriteLine(report);
            await BenchmarkReport
                .WriteSectionAsync($"ingest-log-pages{(codesByDay ? "-codes-by-day" : "")}", report)
                .ConfigureAwait(false);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Render(
        LogPages log,
        int events,
        TimeSpan elapsed,
        (int Dossiers, int Clients, int Batch, bool CodesByDay) run,
        long units
    )
    {
        var sorted = log.FramesPerCommit.Order().ToList();
        int At(double share) => sorted[(int)Math.Min(sorted.Count - 1, share * sorted.Count)];
        var rows = new StringBuilder();
        foreach (var (name, frames) in log.ByName.OrderByDescending(p => p.Value))
        {
            rows.Append(
                CultureInfo.InvariantCulture,
                $"| {name} | {frames:N0} | {100.0 * frames / log.Frames:N1}% | {(double)frames / log.Commits:N0} |\n"
            );
        }

        var codes = run.CodesByDay
            ? "Every dossier code was rewritten to sort by the day received before the unit (the event ids with it), as "
                + "a key that numbers dossiers in arrival order would sort them."
            : "Dossier codes as the generator makes them, like one-stop-shop systems do: the unit's code, the day "
                + "received, a number.";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            ## What each ingestion commit writes, table by table{(run.CodesByDay ? ", codes sorted by day" : "")}

            Command: `dotnet build -c Release && dotnet run -c Release --project Bench -- ingest-log --dossiers {run.Dossiers} --clients {run.Clients} --batch {run.Batch}{(
                run.CodesByDay ? " --codes-by-day" : ""
            )}`
            Run: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores.

            {events:N0} events ({run.Dossiers:N0} dossiers of the demo province in {units:N0} units, one year, in time
            order) handed in batches of {run.Batch} by {run.Clients} concurrent callers to the service's writer in one
            process (no HTTP, JSON or validation), the write-ahead log held for the run and read afterwards. {codes}

            | measure | value |
            |---|---|
            | the writer alone | {events / elapsed.TotalSeconds:N0} events/s ({elapsed.TotalSeconds:N1} s) |
            | commits | {log.Commits:N0} ({(double)events / log.Commits:N0} events each) |
            | pages of 4 KiB written to the log | {log.Frames:N0} ({log.Frames * 4.0 / 1024:N0} MiB; {(double)log.Frames
                / events:N2} per event) |
            | pages per commit: median (10th-90th percentile) | {At(0.5):N0} ({At(0.1):N0}-{At(0.9):N0}) |

            | table or index | pages written | share | per commit |
            |---|---|---|---|
            {rows.ToString().TrimEnd()}
            """
        );
    }

    /// <summary>The generator's code is the unit's code, the day received (yyMMdd) and a number; the day moves
    /// first.</summary>
    private static DossierEvent ByDay(DossierEvent e)
    {
        var parts = e.DossierCode.Split('-');
        var code = string.Join('-', [parts[^2], .. parts[..^2], parts[^1]]);
        return e with { DossierCode = code, Id = code + e.Id[e.DossierCode.Length..] };
    }
}
