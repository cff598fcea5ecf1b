using Dapper;
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

    // Dossiers without facts: a migration made the facts tables anew (their counters changed meaning).
    private const string FactsMissingSql = """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM dossiers) AND NOT EXISTS (SELECT 1 FROM daily_facts) THEN 1 ELSE 0 END
        """;

    /// <summary>True when dossiers are stored but no facts: the projections must be rebuilt from the event
    /// log.</summary>
    public async Task<bool> FactsMissingAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await connection
                .ExecuteScalarAsync<int>(new CommandDefinition(FactsMissingSql, cancellationToken: ct))
                .ConfigureAwait(false) == 1;
    }

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
