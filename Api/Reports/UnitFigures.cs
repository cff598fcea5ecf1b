using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.Reports;

/// <summary>
/// Every indicator's numerator and denominator for units in a period, gathered from the facts, the
/// national on-time query, the procedure catalogue and reported values. Counting only: the Domain divides.
/// </summary>
internal sealed class UnitFigures(
    FactsQuery facts,
    NationalOnTimeQuery national,
    ProcedureReachQuery reach,
    ReportedValueStore reported
)
{
    /// <summary>Figures of one unit over its subtree, or over its own dossiers when <paramref name="levelCounts"/> is
    /// null.</summary>
    /// <param name="levelCounts">The subtree's counts by handling level (<see cref="CountsByLevelAsync"/>): their sum
    /// is the subtree's counts.</param>
    public async Task<Dictionary<string, Ratio?>> ForUnitAsync(
        ReferenceData reference,
        Unit unit,
        Period period,
        IReadOnlyDictionary<string, FactCounts>? levelCounts,
        OnTimeRule rule,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        var unitId = reference.UnitId(unit.Code)!.Value;
        var subtree = levelCounts is not null;
        var counts = levelCounts is not null
            ? levelCounts.Values.Aggregate(default(FactCounts), FactCounts.Add)
            : await facts.SumSelfAsync(unitId, period.FirstDay, period.LastDay, ct).ConfigureAwait(false);
        Ratio? onTime =
            rule == OnTimeRule.National
                ? await national.ForUnitAsync(unitId, subtree, period.Start, period.End, asOf, ct).ConfigureAwait(false)
                : null;
        ProcedureReach? reached = subtree
            ? await reach.ForUnitAsync(unitId, period.Start, period.End, ct).ConfigureAwait(false)
            : null;
        var values = await reported.ForPeriodAsync(period.Code, ct).ConfigureAwait(false);
        return Assemble(reference, unit.Code, unit.Level, counts, onTime, reached, values, subtree);
    }

    /// <summary>
    /// A unit's figures for a period: over its subtree or its own dossiers, as of the period (<paramref
    /// name="holders"/> null) or in the structure of the holders' date; with <paramref name="withLevels"/>, also
    /// grouped by the level of the units that handled (or hold) the dossiers.
    /// </summary>
    public async Task<(
        Dictionary<string, Ratio?> Values,
        IReadOnlyList<(UnitLevel Level, Dictionary<string, Ratio?> Figures)> ByLevel
    )> OfUnitAsync(
        ReferenceData reference,
        Unit unit,
        Period period,
        OnTimeRule rule,
        bool subtree,
        UnitHolders? holders,
        bool withLevels,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        if (holders is not null)
        {
            var inStructure = await InStructureAsync(reference, holders, period, rule, asOf, [unit], ct)
                .ConfigureAwait(false);
            return (inStructure.Of(unit), withLevels ? inStructure.ByLevel(unit) : []);
        }

        var levelCounts = subtree ? await CountsByLevelAsync(reference, unit, period, ct).ConfigureAwait(false) : null;
        var values = await ForUnitAsync(reference, unit, period, levelCounts, rule, asOf, ct).ConfigureAwait(false);
        return (
            values,
            withLevels && levelCounts is not null
                ? await ByLevelAsync(reference, unit, period, rule, levelCounts, asOf, ct).ConfigureAwait(false)
                : []
        );
    }

    /// <summary>Every figure of the period read in the structure of <paramref name="holders"/>' date, the procedure
    /// reach only for <paramref name="reachOf"/> (null: every unit).</summary>
    public Task<StructureFigures> InStructureAsync(
        ReferenceData reference,
        UnitHolders holders,
        Period period,
        OnTimeRule rule,
        DateTimeOffset asOf,
        IReadOnlyCollection<Unit>? reachOf,
        CancellationToken ct
    ) =>
        StructureFigures.ReadAsync(
            reference,
            holders,
            period,
            rule,
            asOf,
            reachOf,
            (facts, national, reach, reported),
            ct
        );

    /// <summary>True when the figure (null: every figure; an index or one of its groups) uses the procedure-reach
    /// indicators (3.5b, 4.5a).</summary>
    public static bool NeedsReach(string? indicator) =>
        indicator is null or IndicatorCodes.PaymentProcedures or IndicatorCodes.PopulationDbProcedures
        || PortalParameters.IsIndex(indicator);

    /// <summary>The subtree's dossier figures grouped by the level of the handling unit ("Sở ngành / cấp huyện / cấp
    /// xã").</summary>
    public Task<IReadOnlyDictionary<string, FactCounts>> CountsByLevelAsync(
        ReferenceData reference,
        Unit unit,
        Period period,
        CancellationToken ct
    ) => facts.SumByHandlerLevelAsync(reference.UnitId(unit.Code)!.Value, period.FirstDay, period.LastDay, ct);

    public async Task<IReadOnlyList<(UnitLevel Level, Dictionary<string, Ratio?> Figures)>> ByLevelAsync(
        ReferenceData reference,
        Unit unit,
        Period period,
        OnTimeRule rule,
        IReadOnlyDictionary<string, FactCounts> counts,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        var unitId = reference.UnitId(unit.Code)!.Value;
        var onTime =
            rule == OnTimeRule.National
                ? await national.ByHandlerLevelAsync(unitId, period.Start, period.End, asOf, ct).ConfigureAwait(false)
                : null;
        return
        [
            .. Enum.GetValues<UnitLevel>()
                .Where(level => counts.ContainsKey(Domain.Wire.WireName.Of(level)))
                .Select(level =>
                {
                    var name = Domain.Wire.WireName.Of(level);
                    Ratio? national = onTime is null ? null : onTime.GetValueOrDefault(name);
                    return (
                        level,
                        Assemble(reference, unit.Code, level, counts[name], national, null, [], subtree: false)
                    );
                }),
        ];
    }

    /// <summary>Figures of every unit of <paramref name="level"/> (and <paramref name="kind"/>, when given) under
    /// <paramref name="parent"/> (null: in the whole tree, under every root), each over its subtree.</summary>
    /// <param name="indicator">The one indicator needed (a map), or null for all of them (a score).</param>
    public async Task<Dictionary<string, Dictionary<string, Ratio?>>> ForUnitsOfLevelAsync(
        ReferenceData reference,
        Unit? parent,
        UnitLevel level,
        UnitKind? kind,
        Period period,
        OnTimeRule rule,
        string? indicator,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        var units = new UnitsOfLevel(
            parent is null ? null : reference.UnitId(parent.Code)!.Value,
            Domain.Wire.WireName.Of(level),
            kind is { } k ? Domain.Wire.WireName.Of(k) : null
        );
        // The reads are independent: each runs on its own thread and connection (SQLite's reads complete
        // synchronously, so a task alone would not overlap them). The national rule's counts of the period are those
        // of the first read when it sums every counter.
        var counts = Task.Run(
            () =>
                facts.SumPerUnitOfLevelAsync(
                    units,
                    (period.FirstDay, period.LastDay),
                    period.FirstDay,
                    period.LastDay,
                    indicator,
                    ct
                ),
            ct
        );
        var onTime =
            rule == OnTimeRule.National && indicator is null or IndicatorCodes.OnTime or IndicatorCodes.Satisfaction
                ? Task.Run(
                    () =>
                        national.PerUnitOfLevelAsync(
                            units,
                            period.Start,
                            period.End,
                            asOf,
                            ct,
                            within: FactColumns.SumsEvery(indicator) ? counts : null
                        ),
                    ct
                )
                : null;
        var reached = indicator is null or IndicatorCodes.PaymentProcedures or IndicatorCodes.PopulationDbProcedures
            ? reach.PerUnitOfLevelAsync(units, period.Start, period.End, ct)
            : null;
        var reportedValues = reported.ForPeriodAsync(period.Code, ct);
        await Task.WhenAll(new Task?[] { counts, onTime, reached, reportedValues }.OfType<Task>())
            .ConfigureAwait(false);
        var sums = await counts.ConfigureAwait(false);
        var nationalOnTime = onTime is null ? null : await onTime.ConfigureAwait(false);
        var reachedBy = reached is null ? null : await reached.ConfigureAwait(false);
        var values = await reportedValues.ConfigureAwait(false);
        return (parent is null ? reference.Units.TopDown : reference.Units.Subtree(parent.Code))
            .Where(u =>
                u.Level == level
                && (kind is null || u.Kind == kind)
                && u.Code != parent?.Code
                && u.IsActiveDuring(period.FirstDay, period.LastDay)
            )
            .ToDictionary(
                u => u.Code,
                u =>
                {
                    var id = reference.UnitId(u.Code)!.Value;
                    Ratio? national = nationalOnTime is null ? null : nationalOnTime.GetValueOrDefault(id);
                    return Assemble(
                        reference,
                        u.Code,
                        u.Level,
                        sums.GetValueOrDefault(id),
                        national,
                        reachedBy is null ? (ProcedureReach?)null : reachedBy.GetValueOrDefault(id),
                        values,
                        subtree: true
                    );
                },
                StringComparer.Ordinal
            );
    }

    /// <summary>
    /// The figures of one unit from its counts; reported indicators roll up over the subtree. Satisfaction (5.4)
    /// follows the on-time figure given; the procedure-reach indicators are absent without <paramref
    /// name="reach"/> (a breakdown by level, or a unit's own dossiers).
    /// </summary>
    public static Dictionary<string, Ratio?> Assemble(
        ReferenceData reference,
        string unitCode,
        UnitLevel level,
        FactCounts counts,
        Ratio? nationalOnTime,
        ProcedureReach? reach,
        IReadOnlyList<ReportedValue> values,
        bool subtree
    )
    {
        var figures = new Dictionary<string, Ratio?>(StringComparer.Ordinal);
        foreach (var (code, ratio) in counts.Ratios())
        {
            figures[code] = ratio;
        }

        if (nationalOnTime is { } n)
        {
            figures[IndicatorCodes.OnTime] = n;
        }

        figures[IndicatorCodes.Satisfaction] = Satisfaction.Of(
            figures[IndicatorCodes.OnTime]!.Value,
            counts.Complaints
        );
        var catalogue = reference.Catalogue(level);
        figures[IndicatorCodes.OnlineService] = catalogue.OnlineService;
        figures[IndicatorCodes.PaymentOffered] = catalogue.PaymentOffered;
        if (reach is { } r)
        {
            figures[IndicatorCodes.PaymentProcedures] = catalogue.PaymentProcedures(r.PaidOnline);
            figures[IndicatorCodes.PopulationDbProcedures] = catalogue.PopulationDbProcedures(r.PopulationDb);
        }
        foreach (var indicator in reference.Indicators.Where(i => i.Kind == IndicatorKind.Reported))
        {
            var own = values
                .Where(v => v.Indicator == indicator.Code)
                .ToDictionary(v => v.UnitCode, v => new Ratio(v.Numerator, v.Denominator), StringComparer.Ordinal);
            figures[indicator.Code] =
                subtree ? ReportedRollup.Of(reference.Units, own, unitCode)
                : own.TryGetValue(unitCode, out var self) ? self
                : null;
        }

        return figures;
    }
}
