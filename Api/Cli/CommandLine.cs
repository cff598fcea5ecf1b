using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Indicators;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Api.Cli;

/// <summary>
/// Verbs of the service itself: <c>dotnet run --project Api -- seed-demo [--seed N]</c>,
/// <c>-- migrate</c>. Without a verb the service runs.
/// </summary>
internal static class CommandLine
{
    public static readonly string[] Verbs = ["seed-demo", "migrate", "help"];

    public static string? VerbOf(string[] args) => args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;

    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args)
    {
        var services = app.Services;
        var clock = services.GetRequiredService<TimeProvider>();
        switch (verb)
        {
            case "migrate":
                services.GetRequiredService<DatabaseMigrator>().Migrate();
                await services.GetRequiredService<IndicatorStore>().EnsureAsync(IndicatorDefaults.All, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                return 0;
            case "seed-demo":
                services.GetRequiredService<DatabaseMigrator>().Migrate();
                await services.GetRequiredService<IndicatorStore>().EnsureAsync(IndicatorDefaults.All, clock.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
                await services.GetRequiredService<DemoSeeder>().SeedAsync(new DemoSeedOptions(IntOption(args, "--seed") ?? 49), CancellationToken.None).ConfigureAwait(false);
                return 0;
            case "help":
                await Console.Out.WriteLineAsync($"Verbs: {string.Join(", ", Verbs)}. Without a verb the API runs.").ConfigureAwait(false);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown verb '{verb}'. Verbs: {string.Join(", ", Verbs)}.").ConfigureAwait(false);
                return 2;
        }
    }

    private static int? IntOption(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
