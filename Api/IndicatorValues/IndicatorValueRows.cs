using Scorecard.Api.Reports;
using Scorecard.Domain.Labels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.IndicatorValues;

/// <summary>
/// The rows of <c>indicator_values</c> for some calendar periods: each unit over its subtree, through
/// the same assembly of figures, bands and targets as the scorecard (<c>scope=subtree</c>, <c>rule=national</c>).
/// </summary>
internal static class IndicatorValueRows
{
    /// <param name="subtreeMonths">The facts of each unit's subtree per month, covering every month of <paramref
    /// name="periods"/>.</param>
    /// <param name="asOf">The instant the figures are computed at.</param>
    public static List<IndicatorValueRow> Compute(
        ReferenceData reference,
        IReadOnlyDictionary<(int UnitId, DateOnly Month), FactCounts> subtreeMonths,
        IReadOnlyList<ReportedValue> reported,
        IReadOnlyList<TargetAssignment> targets,
        IReadOnlyList<Period> periods,
        IReadOnlyDictionary<string, PeriodDossierFigures> byPeriod,
        DateTimeOffset asOf
    )
    {
        var reportedByPeriod = reported.ToLookup(v => v.Period, StringComparer.Ordinal);
        var targetsByPeriod = targets.ToLookup(t => t.Period.Code, StringComparer.Ordinal);
        var rows = new List<IndicatorValueRow>(
            periods.Count * reference.Units.TopDown.Count * reference.Indicators.Count
        );
        foreach (var period in periods)
        {
            var values = reportedByPeriod[period.Code].ToList();
            var assigned = targetsByPeriod[period.Code].ToList();
            var months = CalendarPeriods.Months(period.FirstDay, period.LastDay).ToList();
            var type = WireName.Of(period.Kind);
            var dossierFigures = byPeriod[period.Code];
            foreach (var unit in reference.Units.TopDown)
            {
                var unitId = reference.UnitId(unit.Code)!.Value;
                var counts = months.Aggregate(default(FactCounts), (sum, month) =>
                    sum + subtreeMonths.GetValueOrDefault((unitId, month))
                );
                var figures = UnitFigures.Assemble(
                    reference,
                    unit.Code,
                    unit.Level,
                    counts,
                    dossierFigures.OnTime.GetValueOrDefault(unitId),
                    dossierFigures.Reach.GetValueOrDefault(unitId),
                    values,
                    subtree: true
                );
                rows.AddRange(
                    FigureViews
                        .Indicators(reference, figures, period, unit.Code, assigned, asOf, Language.Vi)
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
                            (double?)view.Target?.Target
                        ))
                );
            }
        }

        return rows;
    }
}
