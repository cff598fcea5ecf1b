using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Hosting;

/// <summary>
/// Runs the single dossier-event writer for the life of the service; on stop it drains the queue. The writer is
/// resolved when the service runs, not when the host builds its services: building it reads the ingestion settings, and
/// a bad setting must stop the start through the host's own check, with its message, not halfway through building.
/// </summary>
internal sealed class IngestionWriterService(IServiceProvider services) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        services.GetRequiredService<DossierEventWriter>().RunAsync(stoppingToken);
}
