using Microsoft.Extensions.Options;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Indicators;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Api.Hosting;

/// <summary>
/// Migrates the schema and installs the built-in indicators at start. When the database cannot be
/// reached the service still starts (so /health/ready can say 503 instead of a crash loop) and
/// retries in the background. In Development an empty database gets the demo province.
/// </summary>
internal sealed partial class DatabaseInitializer(
    DatabaseMigrator migrator,
    DatabaseState state,
    IndicatorStore indicators,
    DemoSeeder seeder,
    DossierRebuilder rebuilder,
    DemoSeedProgress progress,
    IOptions<SeedOptions> seed,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger
) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // A first attempt before the server accepts requests: on a healthy database every request sees the current
        // schema.
        await TryInitialiseAsync(cancellationToken).ConfigureAwait(false);
        if (seed.Value.DemoOnFirstStart)
        {
            // Readiness reports the seeding from the first request on, not only once it has begun.
            progress.Expect();
        }

        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!state.IsMigrated && !stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(RetryDelay, clock, stoppingToken).ConfigureAwait(false);
                await TryInitialiseAsync(stoppingToken).ConfigureAwait(false);
            }

            if (state.IsMigrated && await rebuilder.FactsMissingAsync(stoppingToken).ConfigureAwait(false))
            {
                // An upgrade whose migration made the facts anew: recompute them (and every dossier) from the event
                // log, in one ingestion transaction, so ingestion waits rather than interleaves.
                LogRebuilding(logger);
                await rebuilder.RebuildAsync(stoppingToken).ConfigureAwait(false);
            }

            if (state.IsMigrated && seed.Value.DemoOnFirstStart)
            {
                await seeder.SeedIfEmptyAsync(new DemoSeedOptions(), stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            progress.Finish();
        }
    }

    /// <summary>Brings the schema up to date and installs the built-in indicators that are missing (start-up and the
    /// CLI verbs).</summary>
    public static async Task PrepareAsync(
        DatabaseMigrator migrator,
        IndicatorStore indicators,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        migrator.Migrate();
        await indicators
            .EnsureAsync(IndicatorDefaults.All, AuditStamp.System(clock.GetUtcNow()), ct)
            .ConfigureAwait(false);
    }

    private async Task TryInitialiseAsync(CancellationToken ct)
    {
        try
        {
            await PrepareAsync(migrator, indicators, clock, ct).ConfigureAwait(false);
            state.MarkMigrated();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            state.MarkFailed(ex.Message);
            LogUnavailable(logger, ex, RetryDelay.TotalSeconds);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Dossiers are stored without their facts (an upgrade changed what they count): rebuilding them "
            + "from the event log; figures are incomplete until it is done"
    )]
    private static partial void LogRebuilding(ILogger logger);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "The database is not available; /health/ready answers 503 and start-up retries every {Seconds} s"
    )]
    private static partial void LogUnavailable(ILogger logger, Exception exception, double seconds);
}
