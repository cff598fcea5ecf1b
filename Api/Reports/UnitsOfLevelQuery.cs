using Scorecard.Domain.Indicators;
using Scorecard.Domain.Labels;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Units;

namespace Scorecard.Api.Reports;

/// <summary>One indicator (or the score) for every unit of <paramref name="Level"/> under <paramref name="Parent"/>
/// (null: in the whole tree), for one period and on-time rule.</summary>
internal sealed record UnitsOfLevelQuery(
    string Indicator,
    Period Period,
    OnTimeRule Rule,
    UnitLevel Level,
    Unit? Parent
)
{
    /// <summary>The reading of the units: as of the period (the default) or in the structure of a date.</summary>
    public StructureReading Structure { get; init; } = StructureReading.AsOf;

    /// <summary>The structure's holders; null when reading as of the period.</summary>
    public UnitHolders? Holders { get; init; }

    /// <summary>Only the units of this kind (localities or agencies); null for both.</summary>
    public UnitKind? Kind { get; init; }

    /// <summary>Answer the live figures beside the published ones (<c>revised=true</c>).</summary>
    public bool Revised { get; init; }

    /// <summary>The language of the answer's names.</summary>
    public Language Language { get; init; }

    /// <summary>Whether <paramref name="unit"/> is of the query's level and kind (wherever it lies).</summary>
    public bool OfLevelAndKind(Unit unit) => unit.Level == Level && (Kind is null || unit.Kind == Kind);
}
