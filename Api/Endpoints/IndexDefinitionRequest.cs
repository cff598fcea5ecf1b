using Scorecard.Domain.Index;

namespace Scorecard.Api.Endpoints;

/// <summary>The body of <c>PUT /api/index-definition</c>, as sent.</summary>
internal sealed class IndexDefinitionRequest
{
    public const int MaxGroups = 20;
    public const int MaxSubIndicators = 100;

    public DateOnly? ValidFrom { get; init; }
    public List<GroupRequest?>? Groups { get; init; }

    /// <summary>The definition, or every problem found (each naming its group or sub-indicator).</summary>
    public (IndexDefinition? Definition, IReadOnlyList<string> Problems) ToDefinition(
        Func<string, bool> indicatorExists
    )
    {
        var problems = new List<string>();
        if (ValidFrom is null)
        {
            problems.Add("'validFrom' (yyyy-MM-dd) is required.");
        }

        if (Groups is not { Count: > 0 and <= MaxGroups })
        {
            problems.Add($"'groups' must hold from 1 to {MaxGroups} groups.");
            return (null, problems);
        }

        if (Groups.Sum(g => g?.SubIndicators?.Count ?? 0) > MaxSubIndicators)
        {
            problems.Add($"At most {MaxSubIndicators} sub-indicators in all.");
            return (null, problems);
        }

        var groups = new List<IndexGroup>();
        foreach (var (group, i) in Groups.Select((g, i) => (g, i)))
        {
            if (group is null || !Text(group.Code) || !Text(group.Name) || group.SubIndicators is null)
            {
                problems.Add(
                    $"Group {i + 1}: 'code', 'name' (at most 200 characters) and 'subIndicators' are required."
                );
                continue;
            }

            var subs = new List<SubIndicator>();
            foreach (var (sub, j) in group.SubIndicators.Select((s, j) => (s, j)))
            {
                if (
                    sub is null
                    || !Text(sub.Code)
                    || !Text(sub.Name)
                    || !Text(sub.Indicator)
                    || sub.MaxPoints is null
                    || sub.Threshold is null
                )
                {
                    problems.Add(
                        $"Group '{group.Code}', sub-indicator {j + 1}: 'code', 'name', 'indicator', 'maxPoints' and "
                            + "'threshold' are required."
                    );
                    continue;
                }

                subs.Add(
                    new SubIndicator(sub.Code!, sub.Name!, sub.Indicator!, sub.MaxPoints.Value, sub.Threshold.Value)
                );
            }

            groups.Add(new IndexGroup(group.Code!, group.Name!, subs));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var definition = new IndexDefinition(ValidFrom!.Value, groups);
        var sound = definition.Problems(indicatorExists);
        return sound.Count > 0 ? (null, sound) : (definition, []);
    }

    private static bool Text(string? value) => value is { Length: > 0 and <= 200 } && !string.IsNullOrWhiteSpace(value);

    internal sealed class GroupRequest
    {
        public string? Code { get; init; }
        public string? Name { get; init; }
        public List<SubIndicatorRequest?>? SubIndicators { get; init; }
    }

    internal sealed class SubIndicatorRequest
    {
        public string? Code { get; init; }
        public string? Name { get; init; }
        public string? Indicator { get; init; }
        public decimal? MaxPoints { get; init; }
        public decimal? Threshold { get; init; }
    }
}
