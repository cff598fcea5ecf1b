namespace Scorecard.Infrastructure.IndicatorValues;

/// <summary>
/// One row of <c>index_scores</c>: a unit's national index over its subtree for one calendar period — the total
/// (<paramref name="Kind"/> <c>index</c>, code <c>index</c>), a group (its code) or a sub-indicator (its formula
/// number, with the figure it read), in one reading of the units (<see cref="FigureStructure"/>).
/// </summary>
public sealed record IndexScoreRow(
    string UnitCode,
    string Period,
    string Code,
    string Kind,
    string? GroupCode,
    string? IndicatorCode,
    string PeriodType,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    long? Numerator,
    long? Denominator,
    double? Value,
    double? Threshold,
    double Points,
    double MaxPoints,
    string? Status,
    string Structure = FigureStructure.AsOf
);
