namespace Scorecard.Domain.Index;

/// <summary>
/// The national service-quality index (README "The national index"): groups of sub-indicators, each worth up to
/// <see cref="SubIndicator.MaxPoints"/> at or above its full-points threshold, valid from a date like bands.
/// </summary>
public sealed record IndexDefinition(DateOnly ValidFrom, IReadOnlyList<IndexGroup> Groups)
{
    /// <summary>The points of the whole index (100 by the national method).</summary>
    public decimal MaxPoints => Groups.Sum(g => g.MaxPoints);

    /// <summary>Every problem of the definition, each naming the group or sub-indicator; empty when it is
    /// sound.</summary>
    public IReadOnlyList<string> Problems(Func<string, bool> indicatorExists)
    {
        ArgumentNullException.ThrowIfNull(indicatorExists);
        var problems = new List<string>();
        if (Groups.Count == 0)
        {
            problems.Add("An index needs at least one group.");
        }

        foreach (var duplicate in Groups.GroupBy(g => g.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Group '{duplicate.Key}' appears more than once.");
        }

        var subs = Groups.SelectMany(g => g.SubIndicators.Select(s => (Group: g, Sub: s))).ToList();
        foreach (var duplicate in subs.GroupBy(s => s.Sub.Code, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Sub-indicator '{duplicate.Key}' appears more than once.");
        }

        foreach (var group in Groups.Where(g => g.SubIndicators.Count == 0))
        {
            problems.Add($"Group '{group.Code}' has no sub-indicator.");
        }

        foreach (var (group, sub) in subs)
        {
            var name = $"Sub-indicator '{sub.Code}' of group '{group.Code}'";
            if (sub.MaxPoints is <= 0 or > 100)
            {
                problems.Add($"{name}: maxPoints must be above 0 and at most 100.");
            }

            if (sub.Threshold is <= 0 or > 100)
            {
                problems.Add($"{name}: threshold must be above 0 and at most 100 (percent for full points).");
            }

            if (!indicatorExists(sub.Indicator))
            {
                problems.Add($"{name}: indicator '{sub.Indicator}' does not exist.");
            }
        }

        if (MaxPoints > 1000)
        {
            problems.Add($"The index is worth {MaxPoints} points; at most 1000.");
        }

        return problems;
    }
}

/// <summary>A group of the index (transparency, progress, …), worth the sum of its sub-indicators.</summary>
public sealed record IndexGroup(string Code, string Name, IReadOnlyList<SubIndicator> SubIndicators)
{
    public decimal MaxPoints => SubIndicators.Sum(s => s.MaxPoints);
}

/// <summary>One sub-indicator: the national formula number, the indicator it reads, its points and the value
/// (percent) from which it earns them all.</summary>
public sealed record SubIndicator(string Code, string Name, string Indicator, decimal MaxPoints, decimal Threshold);
