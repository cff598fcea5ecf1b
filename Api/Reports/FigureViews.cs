using Scorecard.Domain.Indicators;
using Scorecard.Domain.Labels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Indicators;
using Scorecard.Infrastructure.Publications;
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
        DateTimeOffset asOf,
        Language language,
        IReadOnlyDictionary<string, PublishedFigure>? kept = null,
        bool revised = false
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
                    var view = View(reference, definition, figures[definition.Code], period, target, closed, language);
                    return kept is not null && kept.TryGetValue(definition.Code, out var figure)
                        ? revised
                            ? view with
                            {
                                Published = Compared(figure, view.Value),
                            }
                            : view with
                            {
                                Band = figure.Band,
                            }
                        : view;
                }),
        ];
    }

    /// <summary>A published figure beside the live value (<paramref name="live"/>), for a revised read.</summary>
    public static PublishedValueView Compared(PublishedFigure figure, decimal? live)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var value = figure.Ratio?.Percent;
        return new PublishedValueView(
            figure.Ratio?.Numerator,
            figure.Ratio?.Denominator,
            value,
            figure.Band,
            live is { } l && value is { } v ? l - v : null
        );
    }

    public static IndicatorValueView View(
        ReferenceData reference,
        IndicatorDefinition definition,
        Ratio? ratio,
        Period period,
        TargetAssignment? target,
        bool closed,
        Language language
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
            definition.NameIn(language),
            ratio?.Numerator ?? 0,
            ratio?.Denominator ?? 0,
            value,
            reference.Bands(definition.Code).ColorFor(value, period),
            targetView
        );
    }
}
