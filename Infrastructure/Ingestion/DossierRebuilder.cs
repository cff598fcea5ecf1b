using Microsoft.Extensions.Logging;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// Recomputes every projection (dossiers, daily_facts) from the event log in one transaction, with
/// the reference data in force now. Run it with the service stopped, or after changing procedures or
/// the calendar when past dossiers should be counted under the new rules.
/// </summary>
public sealed partial class DossierRebuilder(
    DbConnectionFactory db,
    ReferenceDataCache referenceCache,
    SqliteCheckpointer checkpointer,
    ILogger<DossierRebuilder> logger
)
{
    public const int ProgressEvery = 100_000;

    /// <returns>The number of events read and of dossiers written.</returns>
    public async Task<(long Events, long Dossiers)> RebuildAsync(CancellationToken ct)
    {
        referenceCache.Invalidate();
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        await using var session = await IngestionTransaction.OpenSessionAsync(db, ct).ConfigureAwait(false);
        await session.ClearProjectionsAsync(ct).ConfigureAwait(false);
        var deltas = new FactDeltas();
        long events = 0,
            dossiers = 0;
        var current = new List<DossierEvent>();
        await foreach (var e in session.ReadAllEventsAsync(ct).ConfigureAwait(false))
        {
            events++;
            if (current.Count > 0 && (current[0].DossierCode != e.DossierCode || current[0].Source != e.Source))
            {
                dossiers += await DossierProjection
                    .WriteAsync(session, current, reference, deltas, ct)
                    .ConfigureAwait(false);
                current.Clear();
                if (dossiers % ProgressEvery == 0)
                {
                    LogProgress(logger, dossiers, events);
                }
            }

            current.Add(e);
        }

        if (current.Count > 0)
        {
            dossiers += await DossierProjection
                .WriteAsync(session, current, reference, deltas, ct)
                .ConfigureAwait(false);
        }

        await DossierProjection.CommitAsync(session, deltas, checkpointer, ct).ConfigureAwait(false);
        LogDone(logger, dossiers, events, deltas.Changes.Count);
        return (events, dossiers);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rebuild: {Dossiers} dossiers from {Events} events so far")]
    private static partial void LogProgress(ILogger logger, long dossiers, long events);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Rebuild done: {Dossiers} dossiers from {Events} events, {FactRows} unit-days"
    )]
    private static partial void LogDone(ILogger logger, long dossiers, long events, int factRows);
}
