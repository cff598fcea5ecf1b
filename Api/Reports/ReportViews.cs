using System.Text.Json.Serialization;
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
    TargetView? Target,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PublishedValueView? Published = null
);

/// <summary>A publication a read answers from or compares with (README "Published figures").</summary>
internal sealed record PublicationView(
    int Id,
    string UnitCode,
    string Period,
    DateTimeOffset PublishedAt,
    string PublishedBy,
    string? Note,
    int? Supersedes
)
{
    public static PublicationView? Of(Scorecard.Infrastructure.Publications.Publication? p) =>
        p is null ? null : new(p.Id, p.UnitCode, p.PeriodCode, p.PublishedAt, p.PublishedBy, p.Note, p.Supersedes);
}

/// <summary>On a revised read, the published figure beside the live one: <c>difference</c> is live − published
/// (points; null when either has no value).</summary>
internal sealed record PublishedValueView(
    long? Numerator,
    long? Denominator,
    decimal? Value,
    string Band,
    decimal? Difference
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
    IReadOnlyList<LevelView> ByLevel,
    bool Published = false,
    PublicationView? Publication = null
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

/// <summary>A unit on the map, named with its parent: its figure (numerator and denominator; none for the index,
/// whose value is points).</summary>
internal sealed record MapUnitView(
    string Code,
    string Name,
    string? ParentCode,
    UnitLevel Level,
    long? Numerator,
    long? Denominator,
    decimal? Value,
    string Band,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PublishedValueView? Published = null
);

internal sealed record MapView(
    string Indicator,
    PeriodView Period,
    string Rule,
    StructureView Structure,
    IReadOnlyList<MapUnitView> Units,
    bool Published = false,
    PublicationView? Publication = null
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
    IReadOnlyList<SeriesPoint> Points,
    StructureView? Structure = null
);

internal sealed record RankingItem(
    int? Rank,
    string Code,
    string Name,
    decimal? Value,
    string Band,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PublishedValueView? Published = null
);

internal sealed record RankingView(
    string Indicator,
    PeriodView Period,
    string Rule,
    StructureView Structure,
    IReadOnlyList<RankingItem> Items,
    bool Published = false,
    PublicationView? Publication = null
);
