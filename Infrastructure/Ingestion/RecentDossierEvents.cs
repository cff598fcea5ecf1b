using Scorecard.Domain.Dossiers;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The complete event lists of the dossiers the writer touched last, so that a batch does not read
/// back from the log what the previous batches have just written (events arrive roughly in time
/// order: most of a batch continues dossiers still open). Least recently used dossiers leave first
/// once more than <see cref="Capacity"/> events are held.
/// <para>
/// The log is append-only and numbered, so the cache knows it is complete while the log's last
/// sequence is the one it saw after its own last commit. Any other append (another process, a
/// transaction whose outcome is unknown) moves the sequence, and the cache empties itself. Only
/// committed lists enter; a transaction works on copies.
/// </para>
/// </summary>
public sealed class RecentDossierEvents(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Code, DossierEvent[] Events)>> entries = new(
        StringComparer.Ordinal
    );
    private readonly LinkedList<(string Code, DossierEvent[] Events)> order = [];
    private readonly Lock gate = new();
    private long? knownLast;
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
    /// Starts a transaction that sees <paramref name="lastSequence"/> as the log's last sequence
    /// (null: the provider does not say, so nothing is cached). Empties the cache unless that is the
    /// sequence it saw after its last commit.
    /// </summary>
    public void Begin(long? lastSequence)
    {
        lock (gate)
        {
            if (lastSequence is null || lastSequence != knownLast)
            {
                ClearHeld();
            }
        }
    }

    /// <summary>A copy of the dossier's complete stored events, when held.</summary>
    public List<DossierEvent>? Find(string dossierCode)
    {
        lock (gate)
        {
            if (!entries.TryGetValue(dossierCode, out var node))
            {
                return null;
            }

            order.Remove(node);
            order.AddFirst(node);
            return [.. node.Value.Events];
        }
    }

    /// <summary>
    /// After a commit: the complete event lists of the dossiers the transaction read or wrote, and the
    /// log's last sequence once committed.
    /// </summary>
    public void Committed(long? lastSequence, IEnumerable<KeyValuePair<string, List<DossierEvent>>> dossiers)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        lock (gate)
        {
            if (lastSequence is null || Capacity <= 0)
            {
                ClearHeld();
                return;
            }

            foreach (var (code, events) in dossiers)
            {
                Remove(code);
                if (events.Count > 0 && events.Count <= Capacity)
                {
                    entries[code] = order.AddFirst((code, events.ToArray()));
                    held += events.Count;
                }
            }

            while (held > Capacity && order.Last is { } oldest)
            {
                Remove(oldest.Value.Code);
            }

            knownLast = lastSequence;
        }
    }

    private void ClearHeld()
    {
        entries.Clear();
        order.Clear();
        held = 0;
        knownLast = null;
    }

    private void Remove(string code)
    {
        if (entries.Remove(code, out var node))
        {
            order.Remove(node);
            held -= node.Value.Events.Length;
        }
    }
}
