using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Dossiers;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The complete event lists and stored rows of the dossiers the writer touched last, so that a batch does not read
/// back from the database what the previous batches have just written (events arrive roughly in time order: most of
/// a batch continues dossiers still open). Least recently used dossiers leave first once more than <see
/// cref="Capacity"/> events are held.
/// <para>
/// The log is append-only and numbered, and every rewrite of the projections without the writer (a rebuild, a bulk
/// load) is counted in the file, so the cache knows it is complete and its rows current while the <see
/// cref="LogPosition"/> is the one it saw after its own last commit. Any other append (another process, a
/// transaction whose outcome is unknown) or rewrite moves the position, and the cache empties itself. Only committed
/// lists and rows enter; a transaction works on copies of the lists (rows are immutable).
/// </para>
/// </summary>
public sealed class RecentDossiers(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> order = [];
    private readonly Lock gate = new();
    private LogPosition? known;
    private int held;

    public int Capacity { get; } = capacity;

    /// <summary>Number of events held now.</summary>
    public int Held
    {
        get
        {
            lock (gate)
            {
                return held;
            }
        }
    }

    /// <summary>
    /// Starts a transaction that sees the log and projections at <paramref name="position"/> (null: the provider does
    /// not say, so nothing is cached). Empties the cache unless that is the position it saw after its last commit.
    /// </summary>
    public void Begin(LogPosition? position)
    {
        lock (gate)
        {
            if (position is null || position != known)
            {
                ClearHeld();
            }
        }
    }

    /// <summary>A copy of the dossier's complete stored events and its stored row (null: none, it has no
    /// <c>received</c> event yet), when held.</summary>
    public (List<DossierEvent> Events, DossierRow? Row)? Find(string dossierKey)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(dossierKey, out var node))
            {
                return null;
            }

            order.Remove(node);
            order.AddFirst(node);
            return ([.. node.Value.Events], node.Value.Row);
        }
    }

    /// <summary>
    /// After a commit: the complete event lists and the stored rows of the dossiers the transaction read or wrote, and
    /// the position once committed.
    /// </summary>
    public void Committed(LogPosition? position, IEnumerable<CommittedDossier> dossiers)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        lock (gate)
        {
            if (position is null || Capacity <= 0)
            {
                ClearHeld();
                return;
            }

            foreach (var (key, events, row) in dossiers)
            {
                Remove(key);
                if (events.Count > 0 && events.Count <= Capacity)
                {
                    entries[key] = order.AddFirst(new Entry(key, [.. events], row));
                    held += events.Count;
                }
            }

            while (held > Capacity && order.Last is { } oldest)
            {
                Remove(oldest.Value.Key);
            }

            known = position;
        }
    }

    private void ClearHeld()
    {
        entries.Clear();
        order.Clear();
        held = 0;
        known = null;
    }

    private void Remove(string key)
    {
        if (entries.Remove(key, out var node))
        {
            order.Remove(node);
            held -= node.Value.Events.Length;
        }
    }

    private sealed record Entry(string Key, DossierEvent[] Events, DossierRow? Row);
}

/// <summary>One dossier as a transaction committed it: its complete events and its stored row (null: none).</summary>
public readonly record struct CommittedDossier(string Key, IReadOnlyList<DossierEvent> Events, DossierRow? Row);
