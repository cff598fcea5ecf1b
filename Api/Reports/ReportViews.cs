using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;

namespace Scorecard.Api.Reports;

internal sealed record PeriodView(string Code, DateOnly From, DateOnly To)
{
    public static PeriodView Of(Period p) => new(p.Code, p.FirstDay, p.LastDay);
}

internal sealed record UnitView(string Code, string Name, UnitLevel Level, UnitKind Kind);

/// <summary>A target as it applies to a figure: its gap (value − target, points) and status.</summary>
internal sealed record TargetView(
    decimal Target,
    decimal? Baseline,
    decimal? Gap,
    TargetStatus Status,
    string AssignedBy,
    string? Reference,
    bool General
);

internal sealed record IndicatorValueView(
    string Code,
    string Name,
    long Numerator,
    long Denominator,
    decimal? Value,
    string Band,
    TargetView? Target
);

internal sealed record LevelView(UnitLevel Level, IReadOnlyList<IndicatorValueView> Indicators);

internal sealed record ScorecardView(
    UnitView Unit,
    PeriodView Period,
    string Scope,
    string Rule,
    StructureView Structure,
    decimal Score,
    decimal Coverage,
    IReadOnlyList<IndicatorValueView> Indicators,
    IReadOnlyList<LevelView> ByLevel
);

/// <summary>How the units were read: <c>as-of</c> (those of the period), or <c>current</c> with the date whose units
/// hold the history.</summary>
internal sealed record StructureView(string Reading, DateOnly? On)
{
    public static StructureView Of(Scorecard.Domain.Units.StructureReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new(reading.Name, reading.On);
    }
}

/// <summary>A unit on the map: its figure (numerator and denominator; none for the index, whose value is
/// points).</summary>
internal sealed record MapUnitView(
    string Code,
    string Name,
    UnitLevel Level,
    long? Numerator,
    long? Denominator,
    decimal? Value,
    string Band
);

internal sealed record MapView(
    string Indicator,
    PeriodView Period,
    string Rule,
    StructureView Structure,
    IReadOnlyList<MapUnitView> Units
);

internal sealed record SeriesPoint(
    string Period,
    DateOnly From,
    DateOnly To,
    long? Numerator,
    long? Denominator,
    decimal? Value,
    string Band
);

internal sealed record SeriesView(
    string UnitCode,
    string Indicator,
    string Interval,
    IReadOnlyList<SeriesPoint> Points
);

internal sealed record RankingItem(int? Rank, string Code, string Name, decimal? Value, string Band);

internal sealed record RankingView(
    string Indicator,
    PeriodView Period,
    string Rule,
    StructureView Structure,
    IReadOnlyList<RankingItem> Items
);
