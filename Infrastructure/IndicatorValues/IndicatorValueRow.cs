namespace Scorecard.Infrastructure.IndicatorValues;

/// <summary>
/// One row of <c>indicator_values</c>: an indicator of a unit over its subtree for one calendar period,
/// as the scorecard shows it.
/// </summary>
/// <param name="Period">The canonical period code (<c>2024-07</c>, <c>2024-Q3</c>, <c>2024-H2</c>,
/// <c>2024</c>).</param>
/// <param name="PeriodType"><c>month</c>, <c>quarter</c>, <c>half-year</c> or <c>year</c>.</param>
/// <param name="Value">The percent (2 decimals), null when the denominator is 0.</param>
/// <param name="Target">The target that applies, if any.</param>
/// <param name="Structure">The reading of the units: <see cref="FigureStructure.AsOf"/> or <see
/// cref="FigureStructure.Current"/>.</param>
public sealed record IndicatorValueRow(
    string UnitCode,
    string IndicatorCode,
    string Period,
    string PeriodType,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    long Numerator,
    long Denominator,
    double? Value,
    string Band,
    double? Target,
    string Structure = FigureStructure.AsOf
);
