using Scorecard.Domain.Dossiers;

namespace Scorecard.Bench.Crash;

internal static class CrashBatches
{
    public const int MinSize = 200;
    public const int MaxSize = 1000;

    /// <summary>The events, in their order, cut into batches of random sizes.</summary>
    public static IReadOnlyList<DossierEvent[]> Cut(IReadOnlyList<DossierEvent> events, Random random)
    {
        var batches = new List<DossierEvent[]>();
        for (var at = 0; at < events.Count; )
        {
            var size = Math.Min(random.Next(MinSize, MaxSize + 1), events.Count - at);
            batches.Add([.. events.Skip(at).Take(size)]);
            at += size;
        }

        return batches;
    }

    /// <summary>Distinct events drawn from some of the batches, to send again inside another batch.</summary>
    public static List<DossierEvent> Sample(
        IReadOnlyList<DossierEvent[]> batches,
        IReadOnlyList<int> from,
        int count,
        Random random
    )
    {
        var sample = new Dictionary<string, DossierEvent>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var batch = batches[from[random.Next(from.Count)]];
            var e = batch[random.Next(batch.Length)];
            sample.TryAdd(e.Id, e);
        }

        return [.. sample.Values];
    }
}
