using Scorecard.Infrastructure.Facts;
using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Reports;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.Endpoints;

internal static class SeriesEndpoint
{
    /// <summary>At most this many points per series (three years of days).</summary>
    public const int MaxPoints = 1100;

    public static RouteGroupBuilder MapSeriesEndpoint(this RouteGroupBuilder group)
    {
        group.MapGet("/series", GetSeries)
            .WithSummary("Day, week or month points of one dossier-based indicator for a unit between two dates: the day-by-day map.");
        return group;
    }

    private static async Task<Results<Ok<SeriesView>, ProblemHttpResult>> GetSeries(
        string? unitCode, string? indicator, DateOnly? from, DateOnly? to, string? interval, string? scope, Caller caller,
        ReferenceDataCache referenceCache, FactsQuery facts, CancellationToken ct)
    {
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        if (unitCode is null || from is null || to is null)
        {
            return Problems.BadRequest("'unitCode', 'from' and 'to' (yyyy-MM-dd) are required.");
        }

        var step = SeriesInterval.Day;
        var problem = PortalQuery.First(
            PortalQuery.Unit(reference, unitCode, caller.ScopeUnit, out var unit),
            PortalQuery.Indicator(reference, indicator, out var code),
            PortalQuery.Period($"{from:yyyy-MM-dd}..{to:yyyy-MM-dd}", "from/to", out var range));
        if (problem is not null)
        {
            return problem;
        }

        if (!IndicatorCodes.DossierBased.Contains(code))
        {
            return Problems.BadRequest($"Series are drawn for the dossier-based indicators: {string.Join(", ", IndicatorCodes.DossierBased)}.");
        }

        if ((interval is not null && !WireName.TryParse(interval, out step)) || scope is not (null or "subtree" or "self"))
        {
            return Problems.BadRequest($"'interval' must be one of: {string.Join(", ", WireName.All<SeriesInterval>())}; 'scope' one of: subtree, self.");
        }

        var points = range.Split(step).ToList();
        if (points.Count > MaxPoints)
        {
            return Problems.BadRequest($"A series holds at most {MaxPoints} points; this one would have {points.Count}. Use a longer interval or a shorter range.");
        }

        var days = await facts.DailyAsync(reference.UnitId(unit.Code)!.Value, scope != "self", points[0].FirstDay, points[^1].LastDay, code, ct).ConfigureAwait(false);
        var bands = reference.Bands(code);
        var series = points.Select(point =>
        {
            var counts = default(FactCounts);
            for (var day = point.FirstDay; day <= point.LastDay; day = day.AddDays(1))
            {
                counts += days.GetValueOrDefault(day);
            }

            var ratio = counts.Ratios()[code];
            return new SeriesPoint(point.Code, point.FirstDay, point.LastDay, ratio.Numerator, ratio.Denominator, ratio.Percent, bands.ColorFor(ratio.Percent, point));
        }).ToList();
        return TypedResults.Ok(new SeriesView(unit.Code, code, WireName.Of(step), series));
    }
}
