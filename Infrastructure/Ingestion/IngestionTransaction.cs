using System.Diagnostics;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Sqlite;
using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// Stores a group of batches in one transaction: appends new events to the log (duplicates by id
/// are counted, not stored), refolds every dossier that got a new event, replaces its row and moves
/// its daily facts (what its stored row had added is taken back, what its new state adds is added).
/// The group may grow while the transaction is open: after each part, the writer can hand it the
/// batches that have come meanwhile. Readers see all of it or none of it.
/// </summary>
public sealed class IngestionTransaction(
    DbConnectionFactory db,
    ReferenceDataCache referenceCache,
    SqliteCheckpointer checkpointer,
    RecentDossiers recent,
    IngestionPulse pulse,
    ScorecardMetrics metrics,
    TimeProvider clock
)
{
    /// <param name="group">The batches to store; the batches <paramref name="more"/> hands over are added to
    /// it.</param>
    /// <param name="more">
    /// Asked after each part, with the number of events taken so far, for batches to add to the same
    /// transaction; none commits. Null: the group is stored as given.
    /// </param>
    /// <returns>One outcome per batch of <paramref name="group"/>, in its order.</returns>
    internal async Task<IReadOnlyList<BatchOutcome>> WriteAsync(
        List<EventBatch> group,
        Func<int, Task<IReadOnlyList<EventBatch>>>? more,
        CancellationToken ct
    )
    {
        using var activity = ScorecardTelemetry.Source.StartActivity("ingestion transaction");
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        await using var session = await OpenSessionAsync(db, ct).ConfigureAwait(false);
        recent.Begin(session.Position);
        var state = new IngestionGroup(session, reference, recent, clock.GetUtcNow());
        var outcomes = new List<BatchOutcome>(group.Count);
        IReadOnlyList<EventBatch> part = [.. group];
        while (part.Count > 0)
        {
            outcomes.AddRange(await state.WriteAsync(part, ct).ConfigureAwait(false));
            part = more is null ? [] : await more(state.Events).ConfigureAwait(false);
            group.AddRange(part);
        }

        await session.ApplyFactsAsync(state.Deltas, ct).ConfigureAwait(false);
        var committing = clock.GetTimestamp();
        await session.CommitAsync(ct).ConfigureAwait(false);
        var commit = clock.GetElapsedTime(committing);
        recent.Committed(session.Position, state.Committed);
        pulse.Committed();
        checkpointer.Nudge();
        metrics.IngestionCommitted(state.Events, commit);
        foreach (var batch in group.Where(b => b.Origin != default))
        {
            activity?.AddLink(new ActivityLink(batch.Origin));
        }

        activity?.SetTag("scorecard.batches", group.Count);
        activity?.SetTag("scorecard.events", state.Events);
        activity?.SetTag("scorecard.events.accepted", outcomes.Sum(o => o.Accepted));
        activity?.SetTag("scorecard.dossiers", state.Dossiers);
        activity?.SetTag("scorecard.commit.ms", commit.TotalMilliseconds);
        return outcomes;
    }

    internal static Task<IIngestionSession> OpenSessionAsync(DbConnectionFactory db, CancellationToken ct) =>
        db.Dialect.OpenIngestionAsync(db, ct);
}
