using Scorecard.Domain.Indicators;

namespace Scorecard.Domain.Index;

/// <summary>
/// A unit's index for a period: points of a sub-indicator = max × min(1, value ÷ threshold), with the value the
/// exact ratio (not the rounded percent); a sub-indicator without data scores 0 and is marked <c>no-data</c>,
/// never rescaled; <see cref="Coverage"/> is the share of the points that had data.
/// </summary>
public sealed record IndexScore(decimal Total, decimal MaxPoints, decimal Coverage, IReadOnlyList<GroupScore> Groups)
{
    public static IndexScore Of(IndexDefinition definition, Func<string, Ratio?> figure)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(figure);
        var groups = definition
            .Groups.Select(g => new GroupScore(
                g.Code,
                g.Name,
                g.MaxPoints,
                [.. g.SubIndicators.Select(s => SubScore.Of(s, figure(s.Indicator)))]
            ))
            .ToList();
        var max = definition.MaxPoints;
        var covered = groups.SelectMany(g => g.SubIndicators).Where(s => s.HasData).Sum(s => s.MaxPoints);
        return new IndexScore(
            Round(groups.Sum(g => g.Points)),
            max,
            max == 0 ? 0 : Math.Round(100m * covered / max, 2, MidpointRounding.AwayFromZero),
            groups
        );
    }

    public static decimal Round(decimal points) => Math.Round(points, 3, MidpointRounding.AwayFromZero);
}

public sealed record GroupScore(string Code, string Name, decimal MaxPoints, IReadOnlyList<SubScore> SubIndicators)
{
    public decimal Points => IndexScore.Round(SubIndicators.Sum(s => s.Points));
}

/// <summary>One sub-indicator's figure and points; <see cref="Status"/> is <c>full</c>, <c>partial</c> or
/// <c>no-data</c>.</summary>
public sealed record SubScore(
    string Code,
    string Name,
    string Indicator,
    Ratio? Figure,
    decimal MaxPoints,
    decimal Threshold,
    decimal Points,
    string Status
)
{
    public bool HasData => Figure is { Denominator: > 0 };

    public static SubScore Of(SubIndicator sub, Ratio? figure)
    {
        ArgumentNullException.ThrowIfNull(sub);
        if (figure is not { Denominator: > 0 } ratio)
        {
            return new SubScore(sub.Code, sub.Name, sub.Indicator, figure, sub.MaxPoints, sub.Threshold, 0, "no-data");
        }

        var share = 100m * ratio.Numerator / ratio.Denominator / sub.Threshold;
        var points = sub.MaxPoints * Math.Min(1m, share);
        return new SubScore(
            sub.Code,
            sub.Name,
            sub.Indicator,
            ratio,
            sub.MaxPoints,
            sub.Threshold,
            IndexScore.Round(points),
            share >= 1m ? "full" : "partial"
        );
    }
}
