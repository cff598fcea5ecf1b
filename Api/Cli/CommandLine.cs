using System.Globalization;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Indicators;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Seed;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Api.Cli;

/// <summary>
/// Verbs of the service itself (<c>dotnet run --project Api -- VERB</c>); without a verb the API runs.
/// <c>migrate</c>; <c>seed-demo [--seed N] [--dossiers N] [--until yyyy-MM-dd]</c>; <c>rebuild</c>;
/// <c>backup PATH</c>; <c>restore PATH</c>.
/// </summary>
internal static class CommandLine
{
    public static readonly string[] Verbs = ["migrate", "seed-demo", "rebuild", "backup", "restore", "help"];

    public static string? VerbOf(string[] args) => args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;

    public static async Task<int> RunAsync(WebApplication app, string verb, string[] args)
    {
        var services = app.Services;
        switch (verb)
        {
            case "migrate":
                await MigrateAsync(services).ConfigureAwait(false);
                return 0;
            case "seed-demo":
                await MigrateAsync(services).ConfigureAwait(false);
                var options = new DemoSeedOptions(
                    IntOption(args, "--seed") ?? 49,
                    IntOption(args, "--dossiers") ?? DemoSeedOptions.DefaultDossiers,
                    Option(args, "--until") is { } until
                        ? DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : null
                );
                await WithWriterAsync(services, ct => services.GetRequiredService<DemoSeeder>().SeedAsync(options, ct))
                    .ConfigureAwait(false);
                await RefreshIndicatorValuesAsync(services).ConfigureAwait(false);
                return 0;
            case "rebuild":
                await MigrateAsync(services).ConfigureAwait(false);
                await services
                    .GetRequiredService<DossierRebuilder>()
                    .RebuildAsync(CancellationToken.None)
                    .ConfigureAwait(false);
                await RefreshIndicatorValuesAsync(services).ConfigureAwait(false);
                return 0;
            case "backup" or "restore":
                return await BackupCommands
                    .RunAsync(
                        verb,
                        args,
                        services.GetRequiredService<DatabaseSettings>(),
                        services.GetRequiredService<TimeProvider>(),
                        Console.Out,
                        Console.Error
                    )
                    .ConfigureAwait(false);
            case "help":
                await Console
                    .Out.WriteLineAsync($"Verbs: {string.Join(", ", Verbs)}. Without a verb the API " + $"runs.")
                    .ConfigureAwait(false);
                return 0;
            default:
                await Console
                    .Error.WriteLineAsync($"Unknown verb '{verb}'. Verbs: {string.Join(", ", Verbs)}.")
                    .ConfigureAwait(false);
                return 2;
        }
    }

    private static Task MigrateAsync(IServiceProvider services) =>
        Hosting.DatabaseInitializer.PrepareAsync(
            services.GetRequiredService<DatabaseMigrator>(),
            services.GetRequiredService<IndicatorStore>(),
            services.GetRequiredService<TimeProvider>(),
            CancellationToken.None
        );

    /// <summary>
    /// Leaves indicator_values matching what the verb wrote, rather than waiting for the service's next
    /// start, and the SQLite log copied into the database file before the process ends.
    /// </summary>
    private static async Task RefreshIndicatorValuesAsync(IServiceProvider services)
    {
        await services
            .GetRequiredService<IndicatorValues.IndicatorValuesRefresher>()
            .RefreshNowAsync(CancellationToken.None)
            .ConfigureAwait(false);
        await services
            .GetRequiredService<SqliteCheckpointer>()
            .CheckpointNowAsync(CancellationToken.None)
            .ConfigureAwait(false);
    }

    /// <summary>Runs <paramref name="work"/> with the dossier-event writer loop running beside it.</summary>
    private static async Task WithWriterAsync(IServiceProvider services, Func<CancellationToken, Task> work)
    {
        using var stop = new CancellationTokenSource();
        var loop = services.GetRequiredService<DossierEventWriter>().RunAsync(stop.Token);
        try
        {
            await work(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await loop.ConfigureAwait(false);
        }
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int? IntOption(string[] args, string name) =>
        Option(args, name) is { } text && int.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
