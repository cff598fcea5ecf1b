using System.Globalization;
using Scorecard.Bench.Ingestion;

// Benchmarks of Scorecard, each writing its section of BENCHMARKS.md:
//   dotnet build -c Release && dotnet run -c Release --project Bench -- ingest [--dossiers N] [--clients N] [--batch N]
var verb = args.Length > 0 ? args[0] : "help";
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

switch (verb)
{
    case "ingest":
        await IngestionBenchmark.RunAsync(Option("--dossiers", 100_000), Option("--clients", 4), Option("--batch", 1000));
        return 0;
    default:
        Console.WriteLine("Verbs: ingest [--dossiers N] [--clients N] [--batch N]");
        return verb == "help" ? 0 : 2;
}
