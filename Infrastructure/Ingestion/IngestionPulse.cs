namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// When the ingestion writer last committed, for background work that gives way to a burst of events (the
/// refresh of <c>indicator_values</c>, whose figures a burst would make stale again at once).
/// </summary>
public sealed class IngestionPulse(TimeProvider clock)
{
    private long lastCommit = long.MinValue;

    /// <summary>Records a commit of the writer, now.</summary>
    public void Committed() => Interlocked.Exchange(ref lastCommit, clock.GetTimestamp());

    /// <summary>Whether the writer committed within <paramref name="window"/> before now.</summary>
    public bool CommittedWithin(TimeSpan window)
    {
        var last = Interlocked.Read(ref lastCommit);
        return last != long.MinValue && clock.GetElapsedTime(last) <= window;
    }
}
