using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.OpenApi;
using Scorecard.Api.Reports;
using Scorecard.Domain.Index;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Scoring;
using Scorecard.Domain.Time;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Publications;
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
            )
            .WithExample(
                response: """
                {"unit":{"code":"49","name":"Tỉnh Quảng Nam","level":"province","kind":"locality"},
                 "period":{"code":"2025-H1","from":"2025-01-01","to":"2025-06-30"},"scope":"subtree",
                 "rule":"national","structure":{"reading":"as-of","on":null},"score":43.078,"coverage":68,
                 "indicators":[{"code":"on-time","name":"Hồ sơ giải quyết đúng hạn","numerator":17916,
                   "denominator":20917,"value":85.65,"band":"yellow"},
                  {"code":"online-submission","name":"Hồ sơ nộp trực tuyến","numerator":7321,"denominator":20917,
                   "value":35,"band":"red","target":{"target":60,"baseline":38.9,"gap":-25,"status":"not-met",
                   "assignedBy":"49","reference":"QĐ 2632/QĐ-UBND","general":true}}],
                 "byLevel":[{"level":"commune","indicators":[{"code":"on-time","name":"Hồ sơ giải quyết đúng hạn",
                   "numerator":9804,"denominator":11630,"value":84.3,"band":"yellow"}]}],"published":false}
                """
            );
        group
            .MapGet("/map", GetMap)
            .WithSummary(
                "One indicator for every unit of a level under a parent, each over its subtree: the colour map."
            )
            .WithExample(
                response: """
                {"indicator":"on-time","period":{"code":"2025-H1","from":"2025-01-01","to":"2025-06-30"},
                 "rule":"national","structure":{"reading":"as-of","on":null},"units":[
                  {"code":"502","name":"Thành phố Tam Kỳ","parentCode":"49","level":"district","numerator":627,
                   "denominator":771,"value":81.32,"band":"yellow"},
                  {"code":"503","name":"Thành phố Hội An","parentCode":"49","level":"district","numerator":633,
                   "denominator":799,"value":79.22,"band":"orange"}],"published":false}
                """
            );
        group
            .MapGet("/rankings", GetRankings)
            .WithSummary(
                "Units of a level under a parent ranked by one indicator, by the national index (indicator=index, "
                    + "the default) or by one of its groups (index.progress, …)."
            )
            .WithExample(
                response: """
                {"indicator":"index","period":{"code":"2026-H1","from":"2026-01-01","to":"2026-06-30"},
                 "rule":"national","structure":{"reading":"as-of","on":null},"items":[
                  {"rank":1,"code":"30112","name":"Xã Nam Giang","value":43.138,"band":"none"},
                  {"rank":2,"code":"30193","name":"Xã Cường Nghĩa","value":42.148,"band":"none"}],"published":false}
                """
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
        var reading = await services
            .Published.ReadAsync(reference, p, onTimeRule, holders, query.Revised, ct)
            .ConfigureAwait(false);
        var publication = reading.Covering(unit.Code);
        var kept = publication is null
            ? null
            : await reading.OfUnitAsync(publication, unit.Code, ct).ConfigureAwait(false);
        var part = subtree ? PublicationStore.Subtree : PublicationStore.Self;
        if (kept is null || !kept.ContainsKey(part))
        {
            (publication, kept) = (null, null);
        }

        var fromPublication = kept is not null && !query.Revised;
        var (values, byLevel) = fromPublication
            ? (
                Ratios(kept![part]),
                [
                    .. Enum.GetValues<UnitLevel>()
                        .Where(l => kept.ContainsKey(WireName.Of(l)))
                        .Select(l => (l, Ratios(kept[WireName.Of(l)]))),
                ]
            )
            : await figures
                .OfUnitAsync(reference, unit, p, onTimeRule, subtree, holders, withLevels: true, now, ct)
                .ConfigureAwait(false);
        var definition = fromPublication
            ? publication!.Definition
            : await services.Definitions.ForAsync(p.LastDay, ct).ConfigureAwait(false);
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
                FigureViews.Indicators(
                    reference,
                    values,
                    p,
                    unit.Code,
                    assigned,
                    now,
                    request.Language,
                    kept?[part],
                    query.Revised
                ),
                [
                    .. byLevel.Select(l => new LevelView(
                        l.Level,
                        FigureViews.Indicators(
                            reference,
                            l.Figures,
                            p,
                            unit.Code,
                            [],
                            now,
                            request.Language,
                            kept?.GetValueOrDefault(WireName.Of(l.Level)),
                            query.Revised
                        )
                    )),
                ],
                fromPublication,
                PublicationView.Of(publication)
            )
        );
    }

    /// <summary>The ratios of kept figures, by indicator.</summary>
    internal static Dictionary<string, Ratio?> Ratios(IReadOnlyDictionary<string, PublishedFigure> kept) =>
        kept.ToDictionary(k => k.Key, k => k.Value.Ratio, StringComparer.Ordinal);

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

        var (code, p, onTimeRule, _, _) = query;
        var (rows, rowsProblem) = await LevelValuesAsync(services, reference, query, ct).ConfigureAwait(false);
        if (rowsProblem is not null)
        {
            return rowsProblem;
        }

        return TypedResults.Ok(
            new MapView(
                code,
                PeriodView.Of(p),
                WireName.Of(onTimeRule),
                StructureView.Of(query.Structure),
                [.. rows.Units.OrderBy(u => u.Code, StringComparer.Ordinal)],
                rows.Figures.Published,
                PublicationView.Of(rows.Figures.Publication)
            )
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

        var (code, p, onTimeRule, _, _) = query;
        var (rows, rowsProblem) = await LevelValuesAsync(services, reference, query, ct).ConfigureAwait(false);
        if (rowsProblem is not null)
        {
            return rowsProblem;
        }

        var ranked = PortalParameters.IsIndex(code)
            ? Ranking.Rank(rows.Units, u => u.Value, u => u.Code, IndexEndpoints.RankTolerance)
            : Ranking.Rank(rows.Units, u => u.Value, u => u.Code);
        var items = ranked
            .Select(r => new RankingItem(r.Rank, r.Item.Code, r.Item.Name, r.Value, r.Item.Band, r.Item.Published))
            .ToList();
        return TypedResults.Ok(
            new RankingView(
                code,
                PeriodView.Of(p),
                WireName.Of(onTimeRule),
                StructureView.Of(query.Structure),
                items,
                rows.Figures.Published,
                PublicationView.Of(rows.Figures.Publication)
            )
        );
    }

    /// <summary>
    /// The map's rows (ranked by the rankings) of every unit of the query's level under its parent: an indicator's
    /// figure and band, or the national index (<c>index</c>) or one group's points (<c>index.progress</c>, …) by the
    /// definition in force on the period's last day (a published unit's: the one it was published with); a 400
    /// naming the groups for an unknown one. A revised read carries each published figure beside the live one.
    /// </summary>
    private static async Task<Parsed<(IReadOnlyList<MapUnitView> Units, LevelFigures Figures)>> LevelValuesAsync(
        PortalServices services,
        ReferenceData reference,
        UnitsOfLevelQuery query,
        CancellationToken ct
    )
    {
        var code = query.Indicator;
        var index = PortalParameters.IsIndex(code);
        var definition = await services.Definitions.ForAsync(query.Period.LastDay, ct).ConfigureAwait(false);
        var group = index && code.Length > "index.".Length ? code["index.".Length..] : null;
        if (group is not null && definition.Groups.All(g => g.Code != group))
        {
            return Problems.BadRequest(
                $"The index has no group '{group}'; its groups: "
                    + $"{string.Join(", ", definition.Groups.Select(g => "index." + g.Code))}."
            );
        }

        var figures = await FiguresOfLevelAsync(services, reference, query, index ? null : code, ct)
            .ConfigureAwait(false);
        var indicator = index ? null : reference.Indicator(code)!;
        var units = figures
            .Values.Select(u =>
            {
                var unit = reference.Units.Find(u.Key)!;
                (Publication Publication, Dictionary<string, PublishedFigure> Figures)? kept = figures.Kept.TryGetValue(
                    u.Key,
                    out var k
                )
                    ? k
                    : null;
                if (index)
                {
                    var used = kept is { } from && !query.Revised ? from.Publication.Definition : definition;
                    var points = Points(used, u.Value, group);
                    PublishedValueView? published = null;
                    if (kept is { } was && query.Revised)
                    {
                        var then = Points(was.Publication.Definition, Ratios(was.Figures), group);
                        published = new PublishedValueView(null, null, then, "none", points - then);
                    }

                    return new MapUnitView(
                        unit.Code,
                        unit.Name,
                        unit.ParentCode,
                        unit.Level,
                        null,
                        null,
                        points,
                        "none",
                        published
                    );
                }

                var view = FigureViews.View(
                    reference,
                    indicator!,
                    u.Value.GetValueOrDefault(code),
                    query.Period,
                    null,
                    closed: false,
                    query.Language
                );
                var figure = kept?.Figures.GetValueOrDefault(code);
                return new MapUnitView(
                    unit.Code,
                    unit.Name,
                    unit.ParentCode,
                    unit.Level,
                    view.Numerator,
                    view.Denominator,
                    view.Value,
                    figure is not null && !query.Revised ? figure.Band : view.Band,
                    figure is not null && query.Revised ? FigureViews.Compared(figure, view.Value) : null
                );
            })
            .ToList();
        return (units, figures);
    }

    /// <summary>The index total, or one group's points, of a unit's figures.</summary>
    private static decimal Points(IndexDefinition definition, Dictionary<string, Ratio?> figures, string? group)
    {
        var score = IndexScore.Of(definition, c => figures.GetValueOrDefault(c));
        return group is null ? score.Total : score.Groups.FirstOrDefault(g => g.Code == group)?.Points ?? 0;
    }

    /// <summary>The figures of every unit of the query's level under its parent (one indicator's, or all with
    /// null): the units of the period, or those valid on the structure's date; a unit a publication covers answers
    /// its kept figures, unless the query asks for the revised (live) ones.</summary>
    internal static async Task<LevelFigures> FiguresOfLevelAsync(
        PortalServices services,
        ReferenceData reference,
        UnitsOfLevelQuery query,
        string? indicator,
        CancellationToken ct
    )
    {
        var reading = await services
            .Published.ReadAsync(reference, query.Period, query.Rule, query.Holders, query.Revised, ct)
            .ConfigureAwait(false);
        if (!query.Revised && query.Parent is { } parent && reading.Covering(parent.Code) is not null)
        {
            // A publication covers every unit listed (those of the period, as the live read lists them): no live read.
            var units = reference
                .Units.Subtree(parent.Code)
                .Where(u =>
                    query.OfLevelAndKind(u)
                    && u.Code != parent.Code
                    && u.IsActiveDuring(query.Period.FirstDay, query.Period.LastDay)
                )
                .Select(u => u.Code)
                .ToList();
            var all = await reading.OfUnitsAsync(units, indicator, ct).ConfigureAwait(false);
            if (all.Count == units.Count)
            {
                return new LevelFigures(
                    all.ToDictionary(k => k.Key, k => Ratios(k.Value.Figures), StringComparer.Ordinal),
                    all,
                    Revised: false
                );
            }
        }

        // The kept figures are read beside the live ones, on a thread of their own, for every unit the live read can
        // list (those of the level and kind under the parent, in either structure); the units it lists keep theirs.
        var candidates = (query.Parent is { } under ? reference.Units.Subtree(under.Code) : reference.Units.TopDown)
            .Where(u => query.OfLevelAndKind(u) && u.Code != query.Parent?.Code)
            .Select(u => u.Code)
            .ToList();
        var keeping = Task.Run(() => reading.OfUnitsAsync(candidates, indicator, ct), ct);
        var live = await LiveFiguresOfLevelAsync(services, reference, query, indicator, ct).ConfigureAwait(false);
        var kept = (await keeping.ConfigureAwait(false))
            .Where(k => live.ContainsKey(k.Key))
            .ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        if (!query.Revised)
        {
            foreach (var (unit, (_, figures)) in kept)
            {
                live[unit] = Ratios(figures);
            }
        }

        return new LevelFigures(live, kept, query.Revised);
    }

    private static async Task<Dictionary<string, Dictionary<string, Ratio?>>> LiveFiguresOfLevelAsync(
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
                .Figures.InStructureAsync(
                    reference,
                    holders,
                    query.Period,
                    query.Rule,
                    services.Clock.GetUtcNow(),
                    UnitFigures.NeedsReach(indicator) ? null : [],
                    ct
                )
                .ConfigureAwait(false);
            return inStructure
                .Units.Select(code => reference.Units.Find(code)!)
                .Where(u =>
                    query.OfLevelAndKind(u)
                    && (
                        query.Parent is not { } parent
                        || (u.Code != parent.Code && reference.Units.IsAncestorOrSelf(parent.Code, u.Code))
                    )
                )
                .ToDictionary(u => u.Code, inStructure.Of, StringComparer.Ordinal);
        }

        return await services
            .Figures.ForUnitsOfLevelAsync(
                reference,
                query.Parent,
                query.Level,
                query.Kind,
                query.Period,
                query.Rule,
                indicator,
                services.Clock.GetUtcNow(),
                ct
            )
            .ConfigureAwait(false);
    }
}

/// <summary>The figures of the units of a level: <paramref name="Values"/> as the read answers them (kept ones for
/// the units a publication covers, unless revised), and the kept figures of those units.</summary>
internal sealed record LevelFigures(
    Dictionary<string, Dictionary<string, Ratio?>> Values,
    Dictionary<string, (Publication Publication, Dictionary<string, PublishedFigure> Figures)> Kept,
    bool Revised
)
{
    /// <summary>True when every unit answers its kept figures.</summary>
    public bool Published => !Revised && Kept.Count > 0 && Kept.Count == Values.Count;

    /// <summary>The latest publication the read answers from or compares with, or null.</summary>
    public Publication? Publication => Kept.Values.Select(k => k.Publication).MaxBy(p => p.Id);
}
