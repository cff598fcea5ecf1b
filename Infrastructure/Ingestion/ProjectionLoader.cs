using Microsoft.Extensions.Logging;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// Writes the projections (dossiers, daily_facts) of event histories without logging the events,
/// in transactions of <see cref="ChunkSize"/> dossiers. For loading large read-side test data
/// (benchmarks of the portal routes); the service itself only projects what it has logged.
/// </summary>
public sealed partial class ProjectionLoader(
    DbConnectionFactory db,
    ReferenceDataCache referenceCache,
    SqliteCheckpointer checkpointer,
    ILogger<ProjectionLoader> logger
)
{
    public const int ChunkSize = 250_000;

    public async Task<long> LoadAsync(IEnumerable<IReadOnlyList<DossierEvent>> dossiers, CancellationToken ct)
    {
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        long written = 0;
        foreach (var chunk in dossiers.Chunk(ChunkSize))
        {
            await using var session = await IngestionTransaction.OpenSessionAsync(db, ct).ConfigureAwait(false);
            var deltas = new FactDeltas();
            foreach (var events in chunk)
            {
                written += await DossierProjection
                    .WriteAsync(session, events, reference, deltas, ct)
                    .ConfigureAwait(false);
            }

            await DossierProjection.CommitAsync(session, deltas, checkpointer, ct).ConfigureAwait(false);
            LogProgress(logger, written);
        }

        return written;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Dossiers} dossier projections")]
    private static partial void LogProgress(ILogger logger, long dossiers);
}
