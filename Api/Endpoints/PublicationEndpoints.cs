using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Auth;
using Scorecard.Api.Reports;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Time;
using Scorecard.Domain.Units;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Publications;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Endpoints;

/// <summary>Published figures (README "Published figures"): an admin closes a period for a subtree; reads of that
/// period then answer the kept figures.</summary>
internal static partial class PublicationEndpoints
{
    /// <summary>The longest note a publication keeps.</summary>
    public const int MaxNote = 1000;

    public static IEndpointRouteBuilder MapPublicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/publications").WithTags("Publications");
        group
            .MapGet("/", ListPublications)
            .WithSummary("Publications (closed periods), oldest first; optionally of one period or unit.");
        group
            .MapPost("/", Publish)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithSummary(
                "Close an ended period for a unit's subtree: every figure of its units (indicators and their bands, "
                    + "by level and of their own dossiers, the index definition) is kept, and reads of the period "
                    + "answer them until a newer publication supersedes it. Publications cannot be edited."
            );
        return app;
    }

    private static async Task<Results<Ok<List<PublicationView>>, ProblemHttpResult>> ListPublications(
        [FromQuery(Name = "period")] string? period,
        [FromQuery(Name = "unitCode")] string? unitCode,
        Caller caller,
        ReferenceDataCache referenceCache,
        PublicationStore store,
        CancellationToken ct
    )
    {
        Period? parsed = null;
        if (period is not null && !Period.TryParse(period, out parsed, out var error))
        {
            return Problems.BadRequest($"'period' {error}");
        }

        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var scope = caller.ScopeUnit;
        var all = parsed is null
            ? await store.ListAsync(ct).ConfigureAwait(false)
            : await store.OfPeriodAsync(parsed.Code, ct).ConfigureAwait(false);
        return TypedResults.Ok(
            all.Where(p =>
                    (unitCode is null || p.UnitCode == unitCode)
                    && (
                        scope is null
                        || reference.Units.IsAncestorOrSelf(scope, p.UnitCode)
                        || reference.Units.IsAncestorOrSelf(p.UnitCode, scope)
                    )
                )
                .Select(p => PublicationView.Of(p)!)
                .ToList()
        );
    }

    private static async Task<Results<Created<PublishedView>, ProblemHttpResult>> Publish(
        PublicationRequest request,
        Caller caller,
        [AsParameters] PortalServices services,
        PublicationStore store,
        ILogger<PublicationStore> logger,
        CancellationToken ct
    )
    {
        var reference = await services.Reference.GetAsync(ct).ConfigureAwait(false);
        var now = services.Clock.GetUtcNow();
        if (request.UnitCode is null || request.Period is null)
        {
            return Problems.BadRequest("'unitCode' and 'period' are required.");
        }

        if (request.Note is { Length: > MaxNote })
        {
            return Problems.BadRequest($"'note' holds at most {MaxNote} characters.");
        }

        var (unit, unitProblem) = PortalParameters.Unit(reference, request.UnitCode, caller.ScopeUnit);
        var (period, periodProblem) = PortalParameters.Period(request.Period, "period");
        if (PortalParameters.FirstProblem(unitProblem, periodProblem) is { } problem)
        {
            return problem;
        }

        if (!period.IsClosedAt(now))
        {
            return Problems.BadRequest(
                $"Period {period.Code} ends on {period.LastDay:yyyy-MM-dd}: only an ended period can be published."
            );
        }

        if (!unit.IsActiveDuring(period.FirstDay, period.LastDay))
        {
            return Problems.BadRequest($"Unit '{unit.Code}' was not valid during {period.Code}.");
        }

        var watch = Stopwatch.StartNew();
        var definition = await services.Definitions.ForAsync(period.LastDay, ct).ConfigureAwait(false);
        var figures = await SnapshotAsync(services.Figures, reference, unit, period, now, ct).ConfigureAwait(false);
        var earlier = await store.OfPeriodAsync(period.Code, ct).ConfigureAwait(false);
        var supersedes = Publication.Covering(earlier, unit.Code, reference.Units.IsAncestorOrSelf)?.Id;
        var publication = await store
            .AddAsync(
                unit.Code,
                period.Code,
                request.Note,
                supersedes,
                definition,
                figures,
                caller.Stamp(services.Clock),
                ct
            )
            .ConfigureAwait(false);
        LogPublished(logger, publication.Id, unit.Code, period.Code, figures.Count, watch.ElapsedMilliseconds);
        return TypedResults.Created(
            $"/api/publications?period={period.Code}&unitCode={Uri.EscapeDataString(unit.Code)}",
            new PublishedView(
                PublicationView.Of(publication)!,
                figures.Select(f => f.UnitCode).Distinct().Count(),
                figures.Count
            )
        );
    }

    /// <summary>Every figure of the units of <paramref name="root"/>'s subtree valid during the period, read as the
    /// official reading answers them (national on-time rule, units as of the period): each unit over its subtree, by
    /// handling level, and over its own dossiers, with the band each had.</summary>
    private static async Task<List<PublishedFigure>> SnapshotAsync(
        UnitFigures unitFigures,
        ReferenceData reference,
        Unit root,
        Period period,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var kept = new List<PublishedFigure>();
        foreach (
            var unit in reference.Units.Subtree(root.Code).Where(u => u.IsActiveDuring(period.FirstDay, period.LastDay))
        )
        {
            var (values, byLevel) = await unitFigures
                .OfUnitAsync(
                    reference,
                    unit,
                    period,
                    OnTimeRule.National,
                    subtree: true,
                    null,
                    withLevels: true,
                    now,
                    ct
                )
                .ConfigureAwait(false);
            var (own, _) = await unitFigures
                .OfUnitAsync(
                    reference,
                    unit,
                    period,
                    OnTimeRule.National,
                    subtree: false,
                    null,
                    withLevels: false,
                    now,
                    ct
                )
                .ConfigureAwait(false);
            Keep(unit.Code, PublicationStore.Subtree, values);
            Keep(unit.Code, PublicationStore.Self, own);
            foreach (var (level, figures) in byLevel)
            {
                Keep(unit.Code, WireName.Of(level), figures);
            }
        }

        return kept;

        void Keep(string unitCode, string part, Dictionary<string, Ratio?> figures)
        {
            foreach (var (code, ratio) in figures)
            {
                kept.Add(
                    new PublishedFigure(
                        unitCode,
                        part,
                        code,
                        ratio,
                        reference.Bands(code).ColorFor(ratio?.Percent, period)
                    )
                );
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Publication {Id}: {UnitCode} for {Period} kept {Figures} figures in {Milliseconds} ms"
    )]
    private static partial void LogPublished(
        ILogger logger,
        int id,
        string unitCode,
        string period,
        int figures,
        long milliseconds
    );
}

/// <summary>The body of <c>POST /api/publications</c>.</summary>
internal sealed record PublicationRequest(string? UnitCode, string? Period, string? Note);

/// <summary>A publication just stored, with how many units and figures it kept.</summary>
internal sealed record PublishedView(PublicationView Publication, int Units, int Figures);
