using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Reports;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Facts;
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
                "Day, week or month points of one dossier-based indicator for a unit between two dates: the "
                    + "day-by-day map."
            );
        return group;
    }

    private static async Task<Results<Ok<SeriesView>, ProblemHttpResult>> GetSeries(
        [AsParameters] SeriesRequest request,
        Caller caller,
        ReferenceDataCache referenceCache,
        FactsQuery facts,
        NationalOnTimeQuery national,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var (query, problem) = request.Parse(reference, caller.ScopeUnit);
        if (problem is not null)
        {
            return problem;
        }

        var (unit, code, step, points, subtree, rule) = query;
        var unitId = reference.UnitId(unit.Code)!.Value;
        var days = await facts
            .DailyAsync(unitId, subtree, points[0].FirstDay, points[^1].LastDay, code, ct)
            .ConfigureAwait(false);
        var onTime =
            code == IndicatorCodes.OnTime && rule == OnTimeRule.National
                ? await national.SeriesAsync(unitId, subtree, points, clock.GetUtcNow(), ct).ConfigureAwait(false)
                : null;
        var bands = reference.Bands(code);
        var series = points
            .Select(
                (point, index) =>
                {
                    var counts = default(FactCounts);
                    for (var day = point.FirstDay; day <= point.LastDay; day = day.AddDays(1))
                    {
                        counts += days.GetValueOrDefault(day);
                    }

                    var ratio = onTime is null ? counts.Ratios()[code] : onTime[index];
                    return new SeriesPoint(
                        point.Code,
                        point.FirstDay,
                        point.LastDay,
                        ratio.Numerator,
                        ratio.Denominator,
                        ratio.Percent,
                        bands.ColorFor(ratio.Percent, point)
                    );
                }
            )
            .ToList();
        return TypedResults.Ok(new SeriesView(unit.Code, code, WireName.Of(step), series));
    }
}
