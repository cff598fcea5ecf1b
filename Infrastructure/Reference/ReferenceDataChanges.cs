namespace Scorecard.Infrastructure.Reference;

/// <summary>
/// Counts the committed writes of reference data (units, procedures, calendar, indicators) made
/// through this process. The stores that write them record each write here themselves, and
/// <see cref="ReferenceDataCache"/> reloads when the count has moved since its last load: the cache
/// reads through some of those stores, so they signal it through this rather than holding it.
/// </summary>
public sealed class ReferenceDataChanges
{
    private long version;

    /// <summary>Changes on every recorded write.</summary>
    public long Version => Interlocked.Read(ref version);

    /// <summary>Called after a write of reference data commits.</summary>
    public void Record() => Interlocked.Increment(ref version);
}
