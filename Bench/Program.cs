using System.Globalization;
using Scorecard.Bench.Crash;
using Scorecard.Bench.Ingestion;
using Scorecard.Bench.Load;
using Scorecard.Bench.National;
using Scorecard.Bench.OData;
using Scorecard.Bench.Portal;
using Scorecard.Bench.Size;
using Scorecard.Bench.Support;
using Scorecard.Bench.Sync;

namespace Scorecard.Bench;

// Benchmarks of Scorecard, each writing its section of BENCHMARKS.md:
// dotnet build -c Release && dotnet run -c Release --project Bench -- ingest [--dossiers N] [--clients N] [--batch N]
// [--runs N] [--defer-refresh] (the indicator values refresh held off during the run: the write path alone)
// dotnet build -c Release && dotnet run -c Release --project Bench -- ingest-log [--dossiers N] [--clients N] [--batch N]
// [--codes-by-day] (the writer alone in this process: the pages its commits write, table by table)
// dotnet build -c Release && dotnet run -c Release --project Bench -- sync [--dossiers N] [--clients N] [--batch N]
// [--runs N]
// dotnet build -c Release && dotnet run -c Release --project Bench -- portal [--dossiers N] [--years N] [--iterations
// N] [--reuse FILE]
// dotnet build -c Release && dotnet run -c Release --project Bench -- odata [--dossiers N] [--years N] [--iterations N]
// [--export N] [--reuse FILE]
// dotnet build -c Release && dotnet run -c Release --project Bench -- national [--dossiers N] [--iterations N]
// [--reuse FILE] [--load-only] (34 provinces, 3,321 communes, 2025 across the reform; facts only)
// dotnet build -c Release && dotnet run -c Release --project Bench -- load [--seconds 60] [--ingest 4] [--portal 6]
// [--feeds 6] [--dossiers N]
// dotnet build -c Release && dotnet run -c Release --project Bench -- size [--dossiers N] [--parts N]
// dotnet build -c Release && dotnet run -c Release --project Bench -- crash [--cycles N] [--clients N] [--dossiers N]
// [--seed N]
//     (exits 1 when an acknowledged event is lost, a batch is half stored or the projections differ from a rebuild)
// Short runs of load and crash are also tests (Api.Tests/Resilience), which write no section. The entry
// point has a namespace: the tests see Bench's internals and must find one global Program, the API's.
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "help";
        int Option(string name, int fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
        }

        switch (verb)
        {
            case "ingest":
                await IngestionBenchmark.RunAsync(
                    Option("--dossiers", 100_000),
                    Option("--clients", 4),
                    Option("--batch", 1000),
                    Option("--runs", 3),
                    args.Contains("--defer-refresh")
                );
                return 0;
            case "ingest-log":
                await LogBenchmark.RunAsync(
                    Option("--dossiers", 100_000),
                    Option("--clients", 4),
                    Option("--batch", 1000),
                    args.Contains("--codes-by-day")
                );
                return 0;
            case "sync":
                await SyncBenchmark.RunAsync(
                    Option("--dossiers", 100_000),
                    Option("--clients", 4),
                    Option("--batch", 500),
                    Option("--runs", 3)
                );
                return 0;
            case "portal":
                var reuse =
                    Array.IndexOf(args, "--reuse") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
                await PortalBenchmark.RunAsync(
                    Option("--dossiers", 13_000_000),
                    Option("--years", 5),
                    Option("--iterations", 200),
                    reuse
                );
                return 0;
            case "odata":
                var file = Array.IndexOf(args, "--reuse") is var r and >= 0 && r + 1 < args.Length ? args[r + 1] : null;
                await ODataBenchmark.RunAsync(
                    Option("--dossiers", 13_000_000),
                    Option("--years", 5),
                    Option("--iterations", 200),
                    Option("--export", 1_000_000),
                    file
                );
                return 0;
            case "national":
                var national =
                    Array.IndexOf(args, "--reuse") is var n and >= 0 && n + 1 < args.Length ? args[n + 1] : null;
                await NationalBenchmark.RunAsync(
                    Option("--dossiers", 100_000_000),
                    Option("--iterations", 100),
                    national,
                    args.Contains("--load-only")
                );
                return 0;
            case "load":
                var load = await LoadBenchmark.RunAsync(
                    Option("--seconds", 60),
                    Option("--ingest", 4),
                    Option("--portal", 6),
                    Option("--feeds", 6),
                    Option("--dossiers", 150_000)
                );
                await BenchmarkReport.WriteSectionAsync("load", load.Render());
                return load.Passed ? 0 : 1;
            case "crash":
                var crash = await CrashBenchmark.RunAsync(
                    Option("--cycles", 20),
                    Option("--clients", 4),
                    Option("--dossiers", 100_000),
                    Option("--seed", 1),
                    keepFailedDatabase: true
                );
                await BenchmarkReport.WriteSectionAsync("crash", CrashReport.Render(crash));
                return crash.Passed ? 0 : 1;
            case "size":
                await SizeBenchmark.RunAsync(Option("--dossiers", 300_000), Option("--parts", 4));
                return 0;
            default:
                Console.WriteLine(
                    "Verbs: ingest [--dossiers N] [--clients N] [--batch N] [--runs N] [--defer-refresh]; "
                        + "ingest-log [--dossiers N] [--clients N] [--batch N] [--codes-by-day] (pages each commit writes, by "
                        + "table); "
                        + "sync [--dossiers N] [--clients N] [--batch N] [--runs N] (national sync snapshots, "
                        + "beside events); portal [--dossiers N] "
                        + "[--years N] [--iterations N] [--reuse FILE]; "
                        + "odata [--dossiers N] [--years N] [--iterations N] [--export N] [--reuse FILE]; "
                        + "national [--dossiers N] [--iterations N] [--reuse FILE] [--load-only] (reads at national "
                        + "scale); "
                        + "load [--seconds N] [--ingest N] [--portal N] [--feeds N] [--dossiers N] (mixed load; "
                        + "fails on any 5xx or locked database); "
                        + "crash [--cycles N] [--clients N] [--dossiers N] [--seed N] (SIGKILL the API while clients "
                        + "post, restart, repeat; then check no acknowledged event is lost, no batch is half "
                        + "stored, the projections equal a rebuild); size [--dossiers N] [--parts N] (database growth "
                        + "per million events)"
                );
                return verb == "help" ? 0 : 2;
        }
    }
}
