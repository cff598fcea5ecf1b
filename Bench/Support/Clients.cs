namespace Scorecard.Bench.Support;

/// <summary>Concurrent callers working through one list: each takes the next item until none is left, so a slow
/// item holds up only its caller.</summary>
internal static class Clients
{
    /// <param name="clients">How many callers run at once.</param>
    /// <param name="count">How many items there are; <paramref name="send"/> gets each index once.</param>
    public static Task EachAsync(int clients, int count, Func<int, Task> send)
    {
        var next = -1;
        return Task.WhenAll(
            Enumerable
                .Range(0, clients)
                .Select(_ =>
                    Task.Run(async () =>
                    {
                        for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
                        {
                            await send(i).ConfigureAwait(false);
                        }
                    })
                )
        );
    }
}
