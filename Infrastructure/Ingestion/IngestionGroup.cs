using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// What one ingestion transaction knows while it takes its batches part by part: every touched
/// dossier's events and row as they stand inside the transaction (by <see cref="DossierKey"/>: a
/// dossier is one source's events under one code), and the facts it has moved so far. A dossier touched again by a
/// later part is refolded from its events so far; its facts move
/// from the row the earlier part wrote.
/// </summary>
internal sealed class IngestionGroup(
    IIngestionSession session,
    ReferenceData reference,
    RecentDossiers recent,
    DateTimeOffset now
)
{
    private readonly Dictionary<string, List<DossierEvent>> histories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DossierRow> rows = new(StringComparer.Ordinal);

    /// <summary>Number of dossiers the transaction read or wrote.</summary>
    public int Dossiers => histories.Count;

    /// <summary>Every dossier the transaction read or wrote: its complete events and its row, as committed once the
    /// transaction is.</summary>
    public IEnumerable<CommittedDossier> Committed =>
        histories.Select(h => new CommittedDossier(h.Key, h.Value, rows.GetValueOrDefault(h.Key)));

    public FactDeltas Deltas { get; } = new();

    /// <summary>Events taken so far, stored or not.</summary>
    public int Events { get; private set; }

    /// <summary>Appends a part's events and refolds the dossiers they touch.</summary>
    public async Task<List<BatchOutcome>> WriteAsync(IReadOnlyList<EventBatch> part, CancellationToken ct)
    {
        var incoming = part.SelectMany(b => b.Events.Select(e => (b.Source, e.Event))).ToList();
        Events += incoming.Count;
        await LoadAsync(
                [
                    .. incoming
                        .Select(e => DossierKey.Of(e.Source, e.Event.DossierCode))
                        .Distinct(StringComparer.Ordinal)
                        .Where(k => !histories.ContainsKey(k)),
                ],
                ct
            )
            .ConfigureAwait(false);
        await session
            .PrepareAppendsAsync(
                [.. incoming.Select(e => DossierKey.Of(e.Source, e.Event.Id)).Distinct(StringComparer.Ordinal)],
                ct
            )
            .ConfigureAwait(false);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var outcomes = new List<BatchOutcome>(part.Count);
        foreach (var batch in part)
        {
            outcomes.Add(await AppendAsync(batch, touched, ct).ConfigureAwait(false));
        }

        await RefoldAsync([.. touched], ct).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>
    /// The stored events and rows of dossiers not yet in this transaction, from <see cref="RecentDossiers"/> when it
    /// holds them and otherwise from the database: a row exists only for a dossier whose received event is in the
    /// log.
    /// </summary>
    private async Task LoadAsync(List<string> keys, CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var key in keys)
        {
            if (recent.Find(key) is var (events, row))
            {
                histories[key] = events;
                if (row is not null)
                {
                    rows[key] = row;
                }
            }
            else
            {
                histories[key] = [];
                missing.Add(key);
            }
        }

        if (missing.Count > 0)
        {
            foreach (var (key, stored) in await session.LoadEventsAsync(missing, ct).ConfigureAwait(false))
            {
                histories[key] = stored;
            }
        }

        var received = missing.Where(k => histories[k].Count > 0).ToList();
        if (received.Count > 0)
        {
            foreach (var (key, row) in await session.LoadDossiersAsync(received, ct).ConfigureAwait(false))
            {
                rows[key] = row;
            }
        }
    }

    private async Task<BatchOutcome> AppendAsync(EventBatch batch, HashSet<string> touched, CancellationToken ct)
    {
        var (accepted, duplicates) = (0, 0);
        var rejected = new List<EventRejection>();
        foreach (var incoming in batch.Events)
        {
            var e = incoming.Event with { Source = batch.Source, SenderScope = batch.ScopeUnit };
            var key = DossierKey.Of(e);
            var stored = histories[key];
            if (EventContradiction.Of(e, stored, batch.ScopeUnit, reference) is { } refusal)
            {
                rejected.Add(new EventRejection(incoming.Index, e.Id, refusal.Field, refusal.Message));
            }
            else if (await session.AppendEventAsync(e, batch.KeyId, now, ct).ConfigureAwait(false) is { } seq)
            {
                stored.Add(e with { Sequence = seq });
                touched.Add(key);
                accepted++;
            }
            else if (EventContradiction.IsSameEvent(stored.Find(s => s.Id == e.Id), e))
            {
                duplicates++;
            }
            else
            {
                var (field, message) = EventContradiction.ReusedId(e);
                rejected.Add(new EventRejection(incoming.Index, e.Id, field, message));
            }
        }

        return new BatchOutcome(accepted, duplicates, rejected);
    }

    /// <summary>Refolds the dossiers, writes the rows that changed and moves their facts from the row each
    /// had.</summary>
    private async Task RefoldAsync(string[] keys, CancellationToken ct)
    {
        var projected = DossierProjection.ProjectAll(keys, histories, reference);
        for (var i = 0; i < keys.Length; i++)
        {
            var (code, row) = (keys[i], projected[i]);
            var old = rows.GetValueOrDefault(code);
            if (row == old)
            {
                continue; // e.g. a result-issued event: nothing the row or the facts hold has moved
            }

            if (old is not null)
            {
                Deltas.Remove(old);
            }

            if (row is not null)
            {
                Deltas.Add(row);
                await session.UpsertDossierAsync(row, ct).ConfigureAwait(false);
                rows[code] = row;
            }
        }
    }
}
