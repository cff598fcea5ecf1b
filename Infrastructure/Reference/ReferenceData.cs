using Scorecard.Domain.Bands;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Indicators;

namespace Scorecard.Infrastructure.Reference;

/// <summary>
/// A consistent snapshot of the reference data the write path needs: the unit tree with the
/// database ids of units, procedures with theirs, and the working-day calendar.
/// </summary>
public sealed class ReferenceData(
    UnitTree units,
    IReadOnlyDictionary<string, int> unitIds,
    IReadOnlyDictionary<string, (int Id, Procedure Procedure)> procedures,
    WorkCalendar calendar,
    IReadOnlyList<IndicatorDefinition> indicators
)
{
    private readonly Dictionary<string, (IndicatorDefinition Definition, BandHistory Bands)> indicatorsByCode =
        indicators.ToDictionary(i => i.Code, i => (i, new BandHistory(i.Bands)), StringComparer.Ordinal);

    // Depends on the catalogue only, and is asked for by every unit of a map or a refresh: counted once per snapshot.
    private readonly Dictionary<UnitLevel, CatalogueFigures> catalogue = Enum.GetValues<UnitLevel>()
        .ToDictionary(
            level => level,
            level => CatalogueFigures.Of(procedures.Values.Select(p => p.Procedure).Where(p => p.Level == level))
        );

    /// <summary>Every indicator, in code order.</summary>
    public IReadOnlyList<IndicatorDefinition> Indicators { get; } = indicators;

    public IEnumerable<Procedure> Procedures => procedures.Values.Select(p => p.Procedure);

    /// <summary>The <c>online-service</c> figure of units of <paramref name="level"/> (the procedures of that
    /// level).</summary>
    public Ratio OnlineService(UnitLevel level) => catalogue[level].OnlineService;

    /// <summary>What the procedure catalogue gives the units of <paramref name="level"/> (the procedures of that
    /// level).</summary>
    public CatalogueFigures Catalogue(UnitLevel level) => catalogue[level];

    public IndicatorDefinition? Indicator(string code) =>
        indicatorsByCode.TryGetValue(code, out var i) ? i.Definition : null;

    /// <summary>The dated bands of an indicator (none: every value is 'none').</summary>
    public BandHistory Bands(string code) =>
        indicatorsByCode.TryGetValue(code, out var i) ? i.Bands : new BandHistory([]);

    public UnitTree Units { get; } = units;

    public WorkCalendar Calendar { get; } = calendar;

    public int? UnitId(string code) => unitIds.TryGetValue(code, out var id) ? id : null;

    public Procedure? Procedure(string code) => procedures.TryGetValue(code, out var p) ? p.Procedure : null;

    public int? ProcedureId(string code) => procedures.TryGetValue(code, out var p) ? p.Id : null;
}
