using Scorecard.Api.Reports;
using Scorecard.Domain.Labels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;
using Scorecard.Domain.Time;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.IndicatorValues;

/// <summary>
/// The rows of <c>indicator_values</c> for some calendar periods: each unit over its subtree, through
/// the same assembly of figures, bands and targets as the scorecard (<c>scope=subtree</c>, <c>rule=national</c>),
/// in both readings of the units: as of the period (the units valid during it) and in today's structure (the units
/// valid today, as <c>structure=current</c> reads them). Every unit's own counts are summed once per period and
/// regrouped for each reading by <see cref="StructureFigures"/>.
/// </summary>
internal static class IndicatorValueRows
{
    /// <param name="ownMonths">The facts of each unit's own dossiers per month, covering every month of <paramref
    /// name="periods"/>.</param>
    /// <param name="figuresOf">Reads a period's own on-time figures and procedure uses per unit (read one period at a
    /// time, so that only one period's are held).</param>
    /// <param name="asOf">The instant the figures are computed at; its Vietnam date is that of the current
    /// structure.</param>
    public static async Task<List<IndicatorValueRow>> ComputeAsync(
        ReferenceData reference,
        IReadOnlyDictionary<(int UnitId, DateOnly Month), FactCounts> ownMonths,
        IReadOnlyList<ReportedValue> reported,
        IReadOnlyList<TargetAssignment> targets,
        IReadOnlyList<Period> periods,
        Func<Period, Task<PeriodDossierFigures>> figuresOf,
        DateTimeOffset asOf
    )
    {
        var reportedByPeriod = reported.ToLookup(v => v.Period, StringComparer.Ordinal);
        var targetsByPeriod = targets.ToLookup(t => t.Period.Code, StringComparer.Ordinal);
        (string Structure, UnitHolders Holders)[] readings =
        [
            (FigureStructure.AsOf, UnitHolders.AsReceived(reference.Units)),
            (FigureStructure.Current, UnitHolders.On(reference.Units, VietnamTime.DateOf(asOf))),
        ];
        var units = reference.Units.TopDown.Select(u => (Unit: u, Id: reference.UnitId(u.Code)!.Value)).ToList();
        var codes = units.ToDictionary(u => u.Id, u => u.Unit.Code);
        var rows = new List<IndicatorValueRow>(periods.Count * units.Count * reference.Indicators.Count * 2);
        foreach (var period in periods)
        {
            var values = reportedByPeriod[period.Code].ToList();
            var assigned = targetsByPeriod[period.Code].ToList();
            var months = CalendarPeriods.Months(period.FirstDay, period.LastDay).ToList();
            var type = WireName.Of(period.Kind);
            var dossierFigures = await figuresOf(period).ConfigureAwait(false);
            var own = new Dictionary<string, FactCounts>(StringComparer.Ordinal);
            foreach (var (unit, id) in units)
            {
                var counts = default(FactCounts);
                foreach (var month in months)
                {
                    counts += ownMonths.GetValueOrDefault((id, month));
                }

                if (!counts.IsZero)
                {
                    own[unit.Code] = counts;
                }
            }

            var nationalOwn = dossierFigures
                .OnTime.Where(o => codes.ContainsKey(o.Key))
                .ToDictionary(o => codes[o.Key], o => o.Value, StringComparer.Ordinal);
            // Translated as each reading regroups them, not held a second time (a national year has millions).
            var uses = dossierFigures.Uses.Where(u => codes.ContainsKey(u.UnitId)).Select(u => (codes[u.UnitId], u));
            foreach (var (structure, holders) in readings)
            {
                var figures = StructureFigures.From(reference, holders, own, nationalOwn, uses, values);
                foreach (var (unit, _) in units)
                {
                    // As of the period, only the units that lived in it: those the map and rankings list.
                    if (
                        !figures.Has(unit.Code)
                        || (structure == FigureStructure.AsOf && !unit.IsActiveDuring(period.FirstDay, period.LastDay))
                    )
                    {
                        continue;
                    }

                    rows.AddRange(
                        FigureViews
                            .Indicators(reference, figures.Of(unit), period, unit.Code, assigned, asOf, Language.Vi)
                            .Select(view => new IndicatorValueRow(
                                unit.Code,
                                view.Code,
                                period.Code,
                                type,
                                period.FirstDay,
                                period.LastDay,
                                view.Numerator,
                                view.Denominator,
                                (double?)view.Value,
                                view.Band,
                                (double?)view.Target?.Target,
                                structure
                            ))
                    );
                }
            }
        }

        return rows;
    }
}
