using Scorecard.Domain.Index;

namespace Scorecard.Api.Reports;

/// <summary>A unit's national index for a period (<c>GET /api/index/{unitCode}</c>).</summary>
internal sealed record IndexView(
    UnitView Unit,
    PeriodView Period,
    string Rule,
    StructureView Structure,
    DateOnly DefinitionValidFrom,
    decimal Total,
    decimal MaxPoints,
    decimal Coverage,
    RankView Rank,
    IReadOnlyList<IndexGroupView> Groups
)
{
    /// <summary>True when the figures are those a publication kept.</summary>
    public bool Published { get; init; }

    /// <summary>The publication the read answers from or, revised, compares with.</summary>
    public PublicationView? Publication { get; init; }

    /// <summary>On a revised read, the published total beside the live one.</summary>
    [System.Text.Json.Serialization.JsonIgnore(
        Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull
    )]
    public PublishedValueView? PublishedTotal { get; init; }

    public static IndexView Of(
        UnitView unit,
        PeriodView period,
        string rule,
        StructureView structure,
        DateOnly validFrom,
        IndexScore score,
        RankView rank
    ) =>
        new(
            unit,
            period,
            rule,
            structure,
            validFrom,
            score.Total,
            score.MaxPoints,
            score.Coverage,
            rank,
            [
                .. score.Groups.Select(g => new IndexGroupView(
                    g.Code,
                    g.Name,
                    g.Points,
                    g.MaxPoints,
                    [
                        .. g.SubIndicators.Select(s => new SubIndicatorView(
                            s.Code,
                            s.Name,
                            s.Indicator,
                            s.Figure?.Numerator,
                            s.Figure?.Denominator,
                            s.Figure?.Percent,
                            s.Threshold,
                            s.Points,
                            s.MaxPoints,
                            s.Status
                        )),
                    ]
                )),
            ]
        );
}

/// <summary>The unit's competition rank among its siblings (same parent and level; equal within 0.001 share a
/// rank), of how many.</summary>
internal sealed record RankView(int? Rank, int Of);

internal sealed record IndexGroupView(
    string Code,
    string Name,
    decimal Points,
    decimal MaxPoints,
    IReadOnlyList<SubIndicatorView> SubIndicators
);

internal sealed record SubIndicatorView(
    string Code,
    string Name,
    string Indicator,
    long? Numerator,
    long? Denominator,
    decimal? Value,
    decimal Threshold,
    decimal Points,
    decimal MaxPoints,
    string Status
);

/// <summary>Where a unit's index lost points (<c>GET /api/index/{unitCode}/points-lost</c>), the largest loss
/// first.</summary>
internal sealed record PointsLostView(
    UnitView Unit,
    PeriodView Period,
    string Rule,
    decimal Total,
    decimal MaxPoints,
    decimal PointsLost,
    IReadOnlyList<LostPointsView> SubIndicators
);

/// <summary>One sub-indicator short of its maximum: <c>notCounted</c> items of the denominator are not in the
/// numerator, <c>needed</c> of them would have had to count for full points, and <c>dossiers</c> is the OData
/// query listing those dossiers (null for reported and catalogue figures).</summary>
internal sealed record LostPointsView(
    string Group,
    string Code,
    string Name,
    string Indicator,
    string Status,
    decimal Points,
    decimal MaxPoints,
    decimal PointsLost,
    long? Numerator,
    long? Denominator,
    decimal Threshold,
    long? NotCounted,
    long? Needed,
    string? Dossiers
);
