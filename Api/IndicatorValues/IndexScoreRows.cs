using Scorecard.Domain.Index;
using Scorecard.Domain.Indicators;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Api.IndicatorValues;

/// <summary>
/// The rows of <c>index_scores</c> from the rows of <c>indicator_values</c> of the same periods: each unit's index by
/// the definition in force on the period's last day, read from the figures the indicator values hold (the same
/// figures the index route scores), in each reading of the units the indicator values hold.
/// </summary>
internal static class IndexScoreRows
{
    public static List<IndexScoreRow> Compute(
        IReadOnlyList<IndicatorValueRow> values,
        IReadOnlyList<IndexDefinition> definitions
    )
    {
        var rows = new List<IndexScoreRow>();
        foreach (var unitPeriod in values.GroupBy(v => (v.UnitCode, v.Period, v.Structure)))
        {
            var first = unitPeriod.First();
            var figures = unitPeriod.ToDictionary(
                v => v.IndicatorCode,
                v => new Ratio(v.Numerator, v.Denominator),
                StringComparer.Ordinal
            );
            var definition = definitions.LastOrDefault(d => d.ValidFrom <= first.PeriodEnd) ?? definitions[0];
            var score = IndexScore.Of(definition, c => figures.TryGetValue(c, out var r) ? r : null);
            rows.Add(Row(first, "index", "index", null, null, null, null, null, score.Total, score.MaxPoints, null));
            foreach (var group in score.Groups)
            {
                rows.Add(
                    Row(
                        first,
                        group.Code,
                        "group",
                        group.Code,
                        null,
                        null,
                        null,
                        null,
                        group.Points,
                        group.MaxPoints,
                        null
                    )
                );
                rows.AddRange(
                    group.SubIndicators.Select(s =>
                        Row(
                            first,
                            s.Code,
                            "sub-indicator",
                            group.Code,
                            s.Indicator,
                            s.Figure,
                            (double?)s.Figure?.Percent,
                            (double)s.Threshold,
                            s.Points,
                            s.MaxPoints,
                            s.Status
                        )
                    )
                );
            }
        }

        return rows;
    }

    private static IndexScoreRow Row(
        IndicatorValueRow period,
        string code,
        string kind,
        string? group,
        string? indicator,
        Ratio? figure,
        double? value,
        double? threshold,
        decimal points,
        decimal max,
        string? status
    ) =>
        new(
            period.UnitCode,
            period.Period,
            code,
            kind,
            group,
            indicator,
            period.PeriodType,
            period.PeriodStart,
            period.PeriodEnd,
            figure?.Numerator,
            figure?.Denominator,
            value,
            threshold,
            (double)points,
            (double)max,
            status,
            period.Structure
        );
}
