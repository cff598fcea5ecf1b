namespace Scorecard.Domain.Index;

/// <summary>
/// Where a unit's index lost points: per sub-indicator short of its maximum, the points missing and, for a ratio of
/// counted items (dossiers, procedures), how many items did not count and how many more would have had to count
/// for full points.
/// </summary>
public static class PointsLost
{
    /// <summary>The sub-indicators of <paramref name="score"/> that lost points, the largest loss first (then in the
    /// definition's order).</summary>
    /// <param name="counted">Whether a sub-indicator's figure is a ratio of counted items (its numerator and
    /// denominator count the same things), so that "how many more" has a meaning.</param>
    public static IReadOnlyList<LostPoints> Of(IndexScore score, Func<SubScore, bool> counted)
    {
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(counted);
        return
        [
            .. score
                .Groups.SelectMany(g => g.SubIndicators.Select(s => (Group: g.Code, Sub: s)))
                .Select(
                    (s, order) => (s.Group, s.Sub, Order: order, Lost: IndexScore.Round(s.Sub.MaxPoints - s.Sub.Points))
                )
                .Where(s => s.Lost > 0)
                .OrderByDescending(s => s.Lost)
                .ThenBy(s => s.Order)
                .Select(s => Lost(s.Group, s.Sub, s.Lost, counted(s.Sub))),
        ];
    }

    private static LostPoints Lost(string group, SubScore sub, decimal lost, bool counted)
    {
        if (!counted || sub.Figure is not { Denominator: > 0 } figure)
        {
            return new LostPoints(group, sub, lost, null, null);
        }

        // Full points from threshold % of the denominator: the smallest whole count n with 100 n ≥ threshold × d.
        var full = (long)Math.Ceiling(sub.Threshold * figure.Denominator / 100m);
        return new LostPoints(
            group,
            sub,
            lost,
            figure.Denominator - figure.Numerator,
            Math.Max(0, Math.Min(full, figure.Denominator) - figure.Numerator)
        );
    }
}

/// <summary>A sub-indicator short of its maximum.</summary>
/// <param name="NotCounted">Items in the denominator that are not in the numerator (dossiers late, not online, …);
/// null when the figure is not a ratio of counted items or has no data.</param>
/// <param name="Needed">How many of those would have had to count for full points.</param>
public sealed record LostPoints(string Group, SubScore Sub, decimal Points, long? NotCounted, long? Needed);
