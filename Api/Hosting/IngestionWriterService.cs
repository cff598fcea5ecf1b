using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Hosting;

/// <summary>Runs the single dossier-event writer for the life of the service; on stop it drains the queue.</summary>
internal sealed class IngestionWriterService(DossierEventWriter writer) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => writer.RunAsync(stoppingToken);
}
