using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.OpenApi;
using Scorecard.Api.Reports;
using Scorecard.Domain.Index;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.Index;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.Endpoints;

internal static class SeriesEndpoint
{
    public static RouteGroupBuilder MapSeriesEndpoint(this RouteGroupBuilder group)
    {
        group
            .MapGet("/series", GetSeries)
            .WithSummary(
                "Day, week or month points of one dossier-based indicator, of the national index or one of its "
                    + "groups for a unit between two dates: the day-by-day map."
            )
            .WithExample(
                response: """
                {"unitCode":"30064","indicator":"online-submission","interval":"month","points":[
                  {"period":"2026-01","from":"2026-01-01","to":"2026-01-31","numerator":2,"denominator":34,
                   "value":5.88,"band":"red"},
                  {"period":"2026-02","from":"2026-02-01","to":"2026-02-28","numerator":5,"denominator":20,
                   "value":25,"band":"red"}],"structure":{"reading":"as-of","on":null}}
                """
            );
        return group;
    }

    private static async Task<Results<Ok<SeriesView>, ProblemHttpResult>> GetSeries(
        [AsParameters] SeriesRequest request,
        Caller caller,
        ReferenceDataCache referenceCache,
        FactsQuery facts,
        NationalOnTimeQuery national,
        UnitFigures figures,
        IndexDefinitionStore definitions,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var (query, problem) = request.Parse(
            reference,
            caller.ScopeUnit,
            Scorecard.Domain.Time.VietnamTime.DateOf(clock.GetUtcNow())
        );
        if (problem is not null)
        {
            return problem;
        }

        var (unit, code, step, points, subtree, rule) = query;
        if (PortalParameters.IsIndex(code))
        {
            return await IndexSeriesAsync(reference, query, figures, definitions, clock.GetUtcNow(), ct)
                .ConfigureAwait(false);
        }

        var bands = reference.Bands(code);
        SeriesPoint Point(Domain.Periods.Period point, Ratio ratio) =>
            new(
                point.Code,
                point.FirstDay,
                point.LastDay,
                ratio.Numerator,
                ratio.Denominator,
                ratio.Percent,
                bands.ColorFor(ratio.Percent, point)
            );
        if (query.Holders is { } holders)
        {
            // In another structure: each point's figures of every unit, carried to the holders on the date.
            var inStructure = new List<SeriesPoint>(points.Count);
            foreach (var point in points)
            {
                var read = await figures
                    .InStructureAsync(
                        reference,
                        holders,
                        point,
                        rule,
                        clock.GetUtcNow(),
                        UnitFigures.NeedsReach(code) ? [unit] : [],
                        ct
                    )
                    .ConfigureAwait(false);
                inStructure.Add(Point(point, read.Of(unit).GetValueOrDefault(code) ?? default));
            }

            return TypedResults.Ok(
                new SeriesView(unit.Code, code, WireName.Of(step), inStructure, StructureView.Of(query.Structure))
            );
        }

        var unitId = reference.UnitId(unit.Code)!.Value;
        var onTime =
            code == IndicatorCodes.OnTime && rule == OnTimeRule.National
                ? await national.SeriesAsync(unitId, subtree, points, clock.GetUtcNow(), ct).ConfigureAwait(false)
                : null;

        // The national on-time figure reads its own daily counts; the others sum the indicator's days here.
        var days = onTime is null
            ? await facts
                .DailyAsync(unitId, subtree, points[0].FirstDay, points[^1].LastDay, code, ct)
                .ConfigureAwait(false)
            : new Dictionary<DateOnly, FactCounts>().AsReadOnly();
        var series = points
            .Select(
                (point, index) =>
                {
                    if (onTime is not null)
                    {
                        return Point(point, onTime[index]);
                    }

                    var counts = default(FactCounts);
                    for (var day = point.FirstDay; day <= point.LastDay; day = day.AddDays(1))
                    {
                        counts += days.GetValueOrDefault(day);
                    }

                    return Point(point, counts.Ratios()[code]);
                }
            )
            .ToList();
        return TypedResults.Ok(
            new SeriesView(unit.Code, code, WireName.Of(step), series, StructureView.Of(query.Structure))
        );
    }

    /// <summary>The index (or one group's points) at each point, each scored by the definition in force on the point's
    /// last day; a 400 naming the groups for an unknown one.</summary>
    private static async Task<Results<Ok<SeriesView>, ProblemHttpResult>> IndexSeriesAsync(
        ReferenceData reference,
        SeriesQuery query,
        UnitFigures figures,
        IndexDefinitionStore definitions,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var code = query.Indicator;
        var group =
            code.Length > PortalParameters.IndexCode.Length ? code[(PortalParameters.IndexCode.Length + 1)..] : null;
        var latest = await definitions.ForAsync(query.Points[^1].LastDay, ct).ConfigureAwait(false);
        if (group is not null && latest.Groups.All(g => g.Code != group))
        {
            return Problems.BadRequest(
                $"The index has no group '{group}'; its groups: "
                    + $"{string.Join(", ", latest.Groups.Select(g => "index." + g.Code))}."
            );
        }

        var series = new List<SeriesPoint>(query.Points.Count);
        foreach (var point in query.Points)
        {
            var (values, _) = await figures
                .OfUnitAsync(reference, query.Unit, point, query.Rule, query.Subtree, query.Holders, false, now, ct)
                .ConfigureAwait(false);
            var definition = await definitions.ForAsync(point.LastDay, ct).ConfigureAwait(false);
            var score = IndexScore.Of(definition, c => values.GetValueOrDefault(c));
            decimal? points = group is null ? score.Total : score.Groups.FirstOrDefault(g => g.Code == group)?.Points;
            series.Add(new SeriesPoint(point.Code, point.FirstDay, point.LastDay, null, null, points, "none"));
        }

        return TypedResults.Ok(
            new SeriesView(
                query.Unit.Code,
                code,
                WireName.Of(query.Interval),
                series,
                StructureView.Of(query.Structure)
            )
        );
    }
}
