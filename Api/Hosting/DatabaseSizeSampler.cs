using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Api.Hosting;

/// <summary>Reads the database's size once a minute for the <c>scorecard.database.size</c> gauge (a gauge's
/// callback runs on the exporter's thread, where a query does not belong).</summary>
internal sealed partial class DatabaseSizeSampler(
    DatabaseSize size,
    DatabaseState state,
    ScorecardMetrics metrics,
    TimeProvider clock,
    ILogger<DatabaseSizeSampler> logger
) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                if (state.IsMigrated)
                {
                    await SampleAsync(stoppingToken).ConfigureAwait(false);
                }

                await Task.Delay(state.IsMigrated ? Interval : TimeSpan.FromSeconds(5), clock, stoppingToken)
                    .ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task SampleAsync(CancellationToken stoppingToken)
    {
        try
        {
            metrics.DatabaseSize(await size.ReadAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Reading the database size failed; the gauge keeps its last value"
    )]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
