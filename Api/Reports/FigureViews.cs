using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Indicators;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Reports;

/// <summary>From counts to what the portal shows: percent, band, target attainment.</summary>
internal static class FigureViews
{
    public static IReadOnlyList<IndicatorValueView> Indicators(
        ReferenceData reference,
        IReadOnlyDictionary<string, Ratio?> figures,
        Period period,
        string unitCode,
        IReadOnlyList<TargetAssignment> targets,
        DateTimeOffset asOf
    )
    {
        var hierarchy = new UnitTreeHierarchy(reference.Units);
        var closed = period.IsClosedAt(asOf);
        return
        [
            .. reference
                .Indicators.Where(i => figures.ContainsKey(i.Code))
                .Select(definition =>
                {
                    var target = TargetRules.EffectiveTarget(targets, unitCode, definition.Code, period, hierarchy);
                    return View(reference, definition, figures[definition.Code], period, target, closed);
                }),
        ];
    }

    public static IndicatorValueView View(
        ReferenceData reference,
        IndicatorDefinition definition,
        Ratio? ratio,
        Period period,
        TargetAssignment? target,
        bool closed
    )
    {
        var value = ratio?.Percent;
        TargetView? targetView = null;
        if (target is not null)
        {
            var attainment = Attainment.Evaluate(value, target.Target, closed);
            targetView = new TargetView(
                target.Target,
                target.Baseline,
                attainment.Gap,
                attainment.Status,
                target.AssignedBy,
                target.Reference,
                target.IsGeneral
            );
        }

        return new IndicatorValueView(
            definition.Code,
            definition.Name,
            ratio?.Numerator ?? 0,
            ratio?.Denominator ?? 0,
            value,
            reference.Bands(definition.Code).ColorFor(value, period),
            targetView
        );
    }
}
