using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Scorecard.Api.OData;

/// <summary>
/// How many feed queries one key may have running at once (<see cref="FeedLimits.MaxConcurrentQueriesPerKey"/>):
/// a key that starts more is told to come back (429) instead of taking the database's cores from the others.
/// </summary>
public sealed class FeedConcurrency(IOptions<FeedLimits> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> running = new(StringComparer.Ordinal);

    /// <returns>A lease to dispose when the query is done, or null when the key already runs its maximum.</returns>
    public IDisposable? TryEnter(string key)
    {
        var gate = running.GetOrAdd(key, _ => new SemaphoreSlim(options.Value.MaxConcurrentQueriesPerKey));
        return gate.Wait(0) ? new Lease(gate) : null;
    }

    private sealed class Lease(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
