using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// Stores a group of batches in one transaction: appends new events to the log (duplicates by id
/// are counted, not stored), refolds every dossier that got a new event, replaces its row and moves
/// its daily facts (what its stored row had added is taken back, what its new state adds is added).
/// Readers see all of it or none of it.
/// </summary>
public sealed class IngestionTransaction(DbConnectionFactory db, ReferenceDataCache referenceCache, SqliteCheckpointer checkpointer, RecentDossierEvents recent, TimeProvider clock)
{
    /// <summary>Below this many dossiers a group is folded on one thread (starting workers would cost more).</summary>
    private const int ParallelFoldFrom = 64;

    internal async Task<IReadOnlyList<BatchOutcome>> WriteAsync(IReadOnlyList<EventBatch> group, CancellationToken ct)
    {
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        await using var session = await OpenSessionAsync(db, ct).ConfigureAwait(false);
        var codes = group.SelectMany(b => b.Events).Select(e => e.Event.DossierCode).Distinct(StringComparer.Ordinal).ToList();
        var events = await LoadEventsAsync(session, codes, ct).ConfigureAwait(false);
        var rows = await session.LoadDossiersAsync(codes, ct).ConfigureAwait(false);
        var ids = group.SelectMany(b => b.Events).Select(e => e.Event.Id).Distinct(StringComparer.Ordinal).ToList();
        await session.PrepareAppendsAsync(ids, ct).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new List<BatchOutcome>(group.Count);
        foreach (var batch in group)
        {
            var accepted = 0;
            var duplicates = 0;
            var rejected = new List<EventRejection>();
            foreach (var incoming in batch.Events)
            {
                var e = incoming.Event;
                var stored = events.TryGetValue(e.DossierCode, out var list) ? list : events[e.DossierCode] = [];
                if (Contradiction(e, stored, batch.ScopeUnit, reference) is { } refusal)
                {
                    rejected.Add(new EventRejection(incoming.Index, e.Id, refusal.Field, refusal.Message));
                    continue;
                }

                if (await session.AppendEventAsync(e, batch.KeyId, now, ct).ConfigureAwait(false) is { } seq)
                {
                    stored.Add(e with { Sequence = seq });
                    touched.Add(e.DossierCode);
                    accepted++;
                }
                else
                {
                    duplicates++;
                }
            }

            outcomes.Add(new BatchOutcome(accepted, duplicates, rejected));
        }

        var deltas = new FactDeltas();
        var folded = touched.ToArray();
        var projected = Project(folded, events, reference);
        for (var i = 0; i < folded.Length; i++)
        {
            var (code, row) = (folded[i], projected[i]);
            var old = rows.GetValueOrDefault(code);
            if (row == old)
            {
                continue; // e.g. a result-issued event: nothing the row or the facts hold has moved
            }

            if (old is not null)
            {
                deltas.Remove(old.UnitId, old.ToFacts());
            }

            if (row is not null)
            {
                deltas.Add(row.UnitId, row.ToFacts());
                await session.UpsertDossierAsync(row, ct).ConfigureAwait(false);
            }
        }

        await session.ApplyFactsAsync(deltas, ct).ConfigureAwait(false);
        await session.CommitAsync(ct).ConfigureAwait(false);
        recent.Committed(session.LastSequence, events);
        checkpointer.Nudge();
        return outcomes;
    }

    /// <summary>
    /// Folds the dossiers on every core: folding is CPU work over immutable reference data and lists
    /// no one else touches meanwhile, and every request of the group is waiting for it.
    /// </summary>
    private static DossierRow?[] Project(string[] codes, Dictionary<string, List<DossierEvent>> events, ReferenceData reference)
    {
        var rows = new DossierRow?[codes.Length];
        if (codes.Length < ParallelFoldFrom)
        {
            for (var i = 0; i < codes.Length; i++)
            {
                rows[i] = DossierProjection.Project(codes[i], events[codes[i]], reference);
            }
        }
        else
        {
            Parallel.For(0, codes.Length, i => rows[i] = DossierProjection.Project(codes[i], events[codes[i]], reference));
        }

        return rows;
    }

    /// <summary>Every stored event of these dossiers: from <see cref="RecentDossierEvents"/> when it holds them, else from the log.</summary>
    private async Task<Dictionary<string, List<DossierEvent>>> LoadEventsAsync(IIngestionSession session, List<string> codes, CancellationToken ct)
    {
        recent.Begin(session.LastSequence);
        var found = new Dictionary<string, List<DossierEvent>>(codes.Count, StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var code in codes)
        {
            if (recent.Find(code) is { } held)
            {
                found[code] = held;
            }
            else
            {
                missing.Add(code);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var (code, stored) in await session.LoadEventsAsync(missing, ct).ConfigureAwait(false))
            {
                found[code] = stored;
            }
        }

        return found;
    }

    internal static Task<IIngestionSession> OpenSessionAsync(DbConnectionFactory db, CancellationToken ct) => db.Provider switch
    {
        DatabaseProvider.Sqlite => SqliteIngestionSession.OpenAsync(db, ct),
        _ => SqlServerIngestionSession.OpenAsync(db, ct),
    };

    /// <summary>
    /// Why an event cannot join its dossier: a second <c>received</c> under another id, or a dossier
    /// handled by a unit outside the sending key's subtree.
    /// </summary>
    private static (string Field, string Message)? Contradiction(DossierEvent e, List<DossierEvent> stored, string? scope, ReferenceData reference)
    {
        var received = stored.Find(s => s.Type == DossierEventType.Received);
        if (e.Type == DossierEventType.Received && received is not null && received.Id != e.Id)
        {
            return ("type", $"Dossier '{e.DossierCode}' was already received by event '{received.Id}'; a dossier is received once.");
        }

        if (scope is not null && received?.UnitCode is { } unit && !reference.Units.IsAncestorOrSelf(scope, unit))
        {
            return ("dossierCode", $"Dossier '{e.DossierCode}' is handled by unit '{unit}', outside the subtree of '{scope}' this key is limited to.");
        }

        return null;
    }
}
