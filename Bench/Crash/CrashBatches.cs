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
        for (var at = 0; at < events.Count;)
        {
            var size = Math.Min(random.Next(MinSize, MaxSize + 1), events.Count - at);
            batches.Add([.. events.Skip(at).Take(size)]);
            at += size;
        }

        return batches;
    }
}
