using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Auth;
using Scorecard.Api.OpenApi;
using Scorecard.Api.Reports;
using Scorecard.Domain.Index;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Scoring;
using Scorecard.Domain.Time;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Index;
using Scorecard.Infrastructure.Publications;

namespace Scorecard.Api.Endpoints;

/// <summary>The national service-quality index: its definition (dated data) and each unit's points.</summary>
internal static class IndexEndpoints
{
    /// <summary>Units whose totals differ by at most this share a rank (the portal's rule).</summary>
    public const decimal RankTolerance = 0.001m;

    public static IEndpointRouteBuilder MapIndexEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/index-definition", ListDefinitions)
            .WithTags("Index")
            .WithSummary("The national index's groups and sub-indicators, points and thresholds, by date in force.")
            .WithExample(
                response: """
                [{"validFrom":"2022-07-01","maxPoints":100,"groups":[{"code":"progress",
                  "name":"Tiến độ giải quyết (TDGQ)","maxPoints":20,"subIndicators":[{"code":"2.1",
                  "name":"Hồ sơ giải quyết đúng hạn","indicator":"on-time","maxPoints":20,"threshold":100}]}]}]
                """
            );
        app.MapPut("/api/index-definition", PutDefinition)
            .WithTags("Index")
            .RequireAuthorization(Roles.AdminPolicy)
            .RequireProvinceWide()
            .WithSummary("Store the index definition in force from its validFrom (replacing one of that date).");
        app.MapGet("/api/index/{unitCode}", GetIndex)
            .WithTags("Index")
            .WithSummary(
                "A unit's national index for a period: total, groups, sub-indicators with their points, coverage "
                    + "and rank among its siblings."
            )
            .WithExample(
                response: """
                {"unit":{"code":"502","name":"Thành phố Tam Kỳ","level":"district","kind":"locality"},
                 "period":{"code":"2025-H1","from":"2025-01-01","to":"2025-06-30"},"rule":"national",
                 "structure":{"reading":"as-of","on":null},"definitionValidFrom":"2022-07-01","total":41.2,
                 "maxPoints":100,"coverage":68,"rank":{"rank":3,"of":18},"groups":[{"code":"progress",
                  "name":"Tiến độ giải quyết (TDGQ)","points":16.265,"maxPoints":20,"subIndicators":[{"code":"2.1",
                  "name":"Hồ sơ giải quyết đúng hạn","indicator":"on-time","numerator":627,"denominator":771,
                  "value":81.32,"threshold":100,"points":16.265,"maxPoints":20,"status":"partial"}]}]}
                """
            );
        app.MapGet("/api/index/{unitCode}/points-lost", GetPointsLost)
            .WithTags("Index")
            .WithSummary(
                "Where a unit's index lost points in a period: per sub-indicator the points missing, the dossiers "
                    + "(or procedures) that did not count, how many more would have had to, and the OData query "
                    + "that lists those dossiers."
            );
        return app;
    }

    private static async Task<Results<Ok<PointsLostView>, ProblemHttpResult>> GetPointsLost(
        [FromRoute(Name = "unitCode")] string unitCode,
        [FromQuery(Name = "period")] string? period,
        [FromQuery(Name = "rule")] string? rule,
        Caller caller,
        [AsParameters] PortalServices services,
        IndexDefinitionStore definitions,
        CancellationToken ct
    )
    {
        var reference = await services.Reference.GetAsync(ct).ConfigureAwait(false);
        var now = services.Clock.GetUtcNow();
        var request = new ScorecardRequest(unitCode, period, null, rule, null);
        var (query, problem) = request.Parse(reference, caller.ScopeUnit, VietnamTime.DateOf(now));
        if (problem is not null)
        {
            return problem;
        }

        var (unit, p, onTimeRule, _, _, _) = query;
        var definition = await definitions.ForAsync(p.LastDay, ct).ConfigureAwait(false);
        var (values, _) = await services
            .Figures.OfUnitAsync(reference, unit, p, onTimeRule, subtree: true, null, withLevels: false, now, ct)
            .ConfigureAwait(false);
        var score = IndexScore.Of(definition, c => values.GetValueOrDefault(c));
        var units = reference.Units.Subtree(unit.Code).Select(u => u.Code).ToList();
        return TypedResults.Ok(
            new PointsLostView(
                new UnitView(unit.Code, unit.Name, unit.Level, unit.Kind),
                PeriodView.Of(p),
                WireName.Of(onTimeRule),
                score.Total,
                score.MaxPoints,
                IndexScore.Round(score.MaxPoints - score.Total),
                [
                    .. PointsLost
                        .Of(score, s => s.Indicator != IndicatorCodes.Satisfaction)
                        .Select(l => new LostPointsView(
                            l.Group,
                            l.Sub.Code,
                            l.Sub.Name,
                            l.Sub.Indicator,
                            l.Sub.Status,
                            l.Sub.Points,
                            l.Sub.MaxPoints,
                            l.Points,
                            l.Sub.Figure?.Numerator,
                            l.Sub.Figure?.Denominator,
                            l.Sub.Threshold,
                            l.NotCounted,
                            l.Needed,
                            l.Sub.HasData ? DossierLinks.For(l.Sub.Indicator, onTimeRule, p, units, now) : null
                        )),
                ]
            )
        );
    }

    private static async Task<Ok<IReadOnlyList<IndexDefinition>>> ListDefinitions(
        IndexDefinitionStore store,
        CancellationToken ct
    ) => TypedResults.Ok(await store.ListAsync(ct).ConfigureAwait(false));

    private static async Task<Results<Ok<UpsertCounts>, ProblemHttpResult, ValidationProblem>> PutDefinition(
        IndexDefinitionRequest request,
        Caller caller,
        IndexDefinitionStore store,
        Scorecard.Infrastructure.Reference.ReferenceDataCache referenceCache,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var (definition, errors) = request.ToDefinition(code => reference.Indicator(code) is not null);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["definition"] = [.. errors] },
                title: "The index definition is not usable."
            );
        }

        var created = await store.PutAsync(definition!, caller.Stamp(clock), ct).ConfigureAwait(false);
        return TypedResults.Ok(new UpsertCounts(created ? 1 : 0, created ? 0 : 1));
    }

    private static async Task<Results<Ok<IndexView>, ProblemHttpResult>> GetIndex(
        [FromRoute(Name = "unitCode")] string unitCode,
        [FromQuery(Name = "period")] string? period,
        [FromQuery(Name = "rule")] string? rule,
        [FromQuery(Name = "structure")] string? structure,
        [FromQuery(Name = "revised")] string? revised,
        Caller caller,
        [AsParameters] PortalServices services,
        IndexDefinitionStore definitions,
        CancellationToken ct
    )
    {
        var reference = await services.Reference.GetAsync(ct).ConfigureAwait(false);
        var now = services.Clock.GetUtcNow();
        var request = new ScorecardRequest(unitCode, period, null, rule, structure, revised);
        var (query, problem) = request.Parse(reference, caller.ScopeUnit, VietnamTime.DateOf(now));
        if (problem is not null)
        {
            return problem;
        }

        var (unit, p, onTimeRule, _, reading, _) = query;
        var definition = await definitions.ForAsync(p.LastDay, ct).ConfigureAwait(false);
        var published = await services
            .Published.ReadAsync(reference, p, onTimeRule, query.Holders, query.Revised, ct)
            .ConfigureAwait(false);
        var publication = published.Covering(unit.Code);
        var kept = publication is null
            ? null
            : (await published.OfUnitAsync(publication, unit.Code, ct).ConfigureAwait(false)).GetValueOrDefault(
                PublicationStore.Subtree
            );
        if (kept is null)
        {
            publication = null;
        }

        // The unit and its siblings (same parent and level) in one read, each over its subtree; a root's siblings are
        // the other roots of its kind (the provinces of a national deployment).
        var parent = unit.ParentCode is { } code ? reference.Units.Find(code)! : null;
        var levelQuery = new UnitsOfLevelQuery(ScorecardIndicatorAll, p, onTimeRule, unit.Level, parent)
        {
            Structure = reading,
            Holders = query.Holders,
            Revised = query.Revised,
            Kind = parent is null ? unit.Kind : null,
        };
        var siblings = await PortalEndpoints
            .FiguresOfLevelAsync(services, reference, levelQuery, null, ct)
            .ConfigureAwait(false);
        // A key limited to a subtree ranks its units among the siblings it may see only.
        var scores = siblings
            .Values.Where(s => caller.ScopeUnit is not { } scope || reference.Units.IsAncestorOrSelf(scope, s.Key))
            .ToDictionary(
                s => s.Key,
                s =>
                    IndexScore.Of(
                        siblings.Kept.TryGetValue(s.Key, out var from) && !query.Revised
                            ? from.Publication.Definition
                            : definition,
                        c => s.Value.GetValueOrDefault(c)
                    ),
                StringComparer.Ordinal
            );
        var fromPublication = kept is not null && !query.Revised;
        if (fromPublication)
        {
            scores[unit.Code] = IndexScore.Of(publication!.Definition, c => kept!.GetValueOrDefault(c)?.Ratio);
        }
        else if (!scores.ContainsKey(unit.Code))
        {
            // A unit the siblings' read leaves out (one not valid during the period) is scored from its own read.
            var figures = await OwnFiguresAsync().ConfigureAwait(false);
            scores[unit.Code] = IndexScore.Of(definition, c => figures.GetValueOrDefault(c));
        }

        var score = scores[unit.Code];
        var ranked = Ranking.Rank(scores, s => s.Value.Total, s => s.Key, RankTolerance);
        var rank = ranked.FirstOrDefault(r => r.Item.Key == unit.Code)?.Rank;
        PublishedValueView? publishedTotal = null;
        if (kept is not null && query.Revised)
        {
            var then = IndexScore.Of(publication!.Definition, c => kept.GetValueOrDefault(c)?.Ratio).Total;
            publishedTotal = new PublishedValueView(null, null, then, "none", score.Total - then);
        }

        return TypedResults.Ok(
            IndexView.Of(
                new UnitView(unit.Code, unit.Name, unit.Level, unit.Kind),
                PeriodView.Of(p),
                WireName.Of(onTimeRule),
                StructureView.Of(reading),
                fromPublication ? publication!.Definition.ValidFrom : definition.ValidFrom,
                score,
                new RankView(rank, ranked.Count)
            ) with
            {
                Published = fromPublication,
                Publication = PublicationView.Of(publication),
                PublishedTotal = publishedTotal,
            }
        );

        // The unit's own figures over its subtree, without a breakdown by level.
        async Task<Dictionary<string, Ratio?>> OwnFiguresAsync() =>
            (
                await services
                    .Figures.OfUnitAsync(
                        reference,
                        unit,
                        p,
                        onTimeRule,
                        subtree: true,
                        query.Holders,
                        withLevels: false,
                        now,
                        ct
                    )
                    .ConfigureAwait(false)
            ).Values;
    }

    /// <summary>Marks a units-of-level query that asks for every indicator.</summary>
    private const string ScorecardIndicatorAll = "index";
}
