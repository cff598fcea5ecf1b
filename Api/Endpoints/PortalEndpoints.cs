using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Reports;
using Scorecard.Domain.Index;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Scoring;
using Scorecard.Domain.Time;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Endpoints;

internal static class PortalEndpoints
{
    /// <summary>The earlier name of the national index in maps and rankings, still accepted.</summary>
    public const string ScoreIndicator = "score";

    public static IEndpointRouteBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Portal");
        group
            .MapGet("/scorecards/{unitCode}", GetScorecard)
            .WithSummary(
                "Every indicator of a unit for a period (scope=subtree|self, rule=finished|national), with "
                    + "bands, targets, the national index's total (score) and a breakdown by level."
            );
        group
            .MapGet("/map", GetMap)
            .WithSummary(
                "One indicator for every unit of a level under a parent, each over its subtree: the colour map."
            );
        group
            .MapGet("/rankings", GetRankings)
            .WithSummary(
                "Units of a level under a parent ranked by one indicator, by the national index (indicator=index, "
                    + "the default) or by one of its groups (index.progress, …)."
            );
        group.MapSeriesEndpoint();
        return app;
    }

    private static async Task<Results<Ok<ScorecardView>, ProblemHttpResult>> GetScorecard(
        [AsParameters] ScorecardRequest request,
        Caller caller,
        [AsParameters] PortalServices services,
        CancellationToken ct
    )
    {
        var reference = await services.Reference.GetAsync(ct).ConfigureAwait(false);
        var (figures, now) = (services.Figures, services.Clock.GetUtcNow());
        var (query, problem) = request.Parse(reference, caller.ScopeUnit, VietnamTime.DateOf(now));
        if (problem is not null)
        {
            return problem;
        }

        var (unit, p, onTimeRule, subtree, structure, holders) = query;
        var (values, byLevel) = await figures
            .OfUnitAsync(reference, unit, p, onTimeRule, subtree, holders, withLevels: true, now, ct)
            .ConfigureAwait(false);
        var definition = await services.Definitions.ForAsync(p.LastDay, ct).ConfigureAwait(false);
        var index = IndexScore.Of(definition, c => values.GetValueOrDefault(c));

        var assigned = (await services.Targets.ListAsync(p.Code, ct).ConfigureAwait(false))
            .Select(t => t.Target)
            .ToList();
        return TypedResults.Ok(
            new ScorecardView(
                new UnitView(unit.Code, unit.Name, unit.Level, unit.Kind),
                PeriodView.Of(p),
                subtree ? "subtree" : "self",
                WireName.Of(onTimeRule),
                StructureView.Of(structure),
                index.Total,
                index.Coverage,
                FigureViews.Indicators(reference, values, p, unit.Code, assigned, now),
                [
                    .. byLevel.Select(l => new LevelView(
                        l.Level,
                        FigureViews.Indicators(reference, l.Figures, p, unit.Code, [], now)
                    )),
                ]
            )
        );
    }

    private static async Task<Results<Ok<MapView>, ProblemHttpResult>> GetMap(
        [AsParameters] UnitsOfLevelRequest request,
        Caller caller,
        [AsParameters] PortalServices services,
        CancellationToken ct
    )
    {
        var reference = await services.Reference.GetAsync(ct).ConfigureAwait(false);
        var (query, problem) = request.ForMap(
            reference,
            caller.ScopeUnit,
            VietnamTime.DateOf(services.Clock.GetUtcNow())
        );
        if (problem is not null)
        {
            return problem;
        }

        var (code, p, onTimeRule, unitLevel, parent) = query;

        if (PortalParameters.IsIndex(code))
        {
            var points = await IndexPointsAsync(services, reference, query, ct).ConfigureAwait(false);
            if (points.Problem is { } wrong)
            {
                return wrong;
            }

            return TypedResults.Ok(
                new MapView(
                    code,
                    PeriodView.Of(p),
                    WireName.Of(onTimeRule),
                    StructureView.Of(query.Structure),
                    [
                        .. points
                            .Value.OrderBy(u => u.Key, StringComparer.Ordinal)
                            .Select(u =>
                            {
                                var unit = reference.Units.Find(u.Key)!;
                                return new MapUnitView(unit.Code, unit.Name, unit.Level, null, null, u.Value, "none");
                            }),
                    ]
                )
            );
        }

        var perUnit = await FiguresOfLevelAsync(services, reference, query, code, ct).ConfigureAwait(false);
        var definition = reference.Indicator(code)!;
        var units = perUnit
            .OrderBy(u => u.Key, StringComparer.Ordinal)
            .Select(u =>
            {
                var unit = reference.Units.Find(u.Key)!;
                var view = FigureViews.View(
                    reference,
                    definition,
                    u.Value.GetValueOrDefault(code),
                    p,
                    null,
                    closed: false
                );
                return new MapUnitView(
                    unit.Code,
                    unit.Name,
                    unit.Level,
                    view.Numerator,
                    view.Denominator,
                    view.Value,
                    view.Band
                );
            })
            .ToList();
        return TypedResults.Ok(
            new MapView(code, PeriodView.Of(p), WireName.Of(onTimeRule), StructureView.Of(query.Structure), units)
        );
    }

    private static async Task<Results<Ok<RankingView>, ProblemHttpResult>> GetRankings(
        [AsParameters] UnitsOfLevelRequest request,
        Caller caller,
        [AsParameters] PortalServices services,
        CancellationToken ct
    )
    {
        var reference = await services.Reference.GetAsync(ct).ConfigureAwait(false);
        var (query, problem) = request.ForRankings(
            reference,
            caller.ScopeUnit,
            VietnamTime.DateOf(services.Clock.GetUtcNow())
        );
        if (problem is not null)
        {
            return problem;
        }

        var (code, p, onTimeRule, unitLevel, parent) = query;

        IReadOnlyList<Ranked<(string Code, decimal? Value)>> ranked;
        if (PortalParameters.IsIndex(code))
        {
            var points = await IndexPointsAsync(services, reference, query, ct).ConfigureAwait(false);
            if (points.Problem is { } wrong)
            {
                return wrong;
            }

            ranked = Ranking.Rank(
                points.Value.Select(u => (Code: u.Key, Value: (decimal?)u.Value)),
                u => u.Value,
                u => u.Code,
                IndexEndpoints.RankTolerance
            );
        }
        else
        {
            var perUnit = await FiguresOfLevelAsync(services, reference, query, code, ct).ConfigureAwait(false);
            ranked = Ranking.Rank(
                perUnit.Select(u => (Code: u.Key, Value: u.Value.GetValueOrDefault(code)?.Percent)),
                u => u.Value,
                u => u.Code
            );
        }

        var bands = reference.Bands(code);
        var items = ranked
            .Select(r => new RankingItem(
                r.Rank,
                r.Item.Code,
                reference.Units.Find(r.Item.Code)!.Name,
                r.Value,
                bands.ColorFor(r.Value, p)
            ))
            .ToList();
        return TypedResults.Ok(
            new RankingView(code, PeriodView.Of(p), WireName.Of(onTimeRule), StructureView.Of(query.Structure), items)
        );
    }

    /// <summary>
    /// The national index (<c>index</c>) or one group's points (<c>index.progress</c>, …) of every unit of the query's
    /// level under its parent, by the definition in force on the period's last day; a 400 naming the groups for an
    /// unknown one.
    /// </summary>
    private static async Task<Parsed<Dictionary<string, decimal>>> IndexPointsAsync(
        PortalServices services,
        ReferenceData reference,
        UnitsOfLevelQuery query,
        CancellationToken ct
    )
    {
        var definition = await services.Definitions.ForAsync(query.Period.LastDay, ct).ConfigureAwait(false);
        var group = query.Indicator.Length > "index.".Length ? query.Indicator["index.".Length..] : null;
        if (group is not null && definition.Groups.All(g => g.Code != group))
        {
            return Problems.BadRequest(
                $"The index has no group '{group}'; its groups: "
                    + $"{string.Join(", ", definition.Groups.Select(g => "index." + g.Code))}."
            );
        }

        var perUnit = await FiguresOfLevelAsync(services, reference, query, null, ct).ConfigureAwait(false);
        return perUnit.ToDictionary(
            u => u.Key,
            u =>
            {
                var score = IndexScore.Of(definition, c => u.Value.GetValueOrDefault(c));
                return group is null ? score.Total : score.Groups.Single(g => g.Code == group).Points;
            },
            StringComparer.Ordinal
        );
    }

    /// <summary>The figures of every unit of the query's level under its parent (one indicator's, or all with
    /// null): the units of the period, or those valid on the structure's date.</summary>
    internal static async Task<Dictionary<string, Dictionary<string, Ratio?>>> FiguresOfLevelAsync(
        PortalServices services,
        ReferenceData reference,
        UnitsOfLevelQuery query,
        string? indicator,
        CancellationToken ct
    )
    {
        if (query.Holders is { } holders)
        {
            var inStructure = await services
                .Figures.InStructureAsync(reference, holders, query.Period, query.Rule, services.Clock.GetUtcNow(), ct)
                .ConfigureAwait(false);
            return inStructure
                .Units.Select(code => reference.Units.Find(code)!)
                .Where(u =>
                    u.Level == query.Level
                    && u.Code != query.Parent.Code
                    && reference.Units.IsAncestorOrSelf(query.Parent.Code, u.Code)
                )
                .ToDictionary(u => u.Code, inStructure.Of, StringComparer.Ordinal);
        }

        return await services
            .Figures.ForUnitsOfLevelAsync(
                reference,
                query.Parent,
                query.Level,
                query.Period,
                query.Rule,
                indicator,
                services.Clock.GetUtcNow(),
                ct
            )
            .ConfigureAwait(false);
    }
}
