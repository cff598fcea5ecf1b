using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Auth;
using Scorecard.Api.Labels;
using Scorecard.Api.OpenApi;
using Scorecard.Api.Validation;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Indicators;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Api.Endpoints;

internal static class IndicatorEndpoints
{
    public static IEndpointRouteBuilder MapIndicatorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/indicators").WithTags("Indicators");
        group
            .MapGet("/", ListIndicators)
            .WithSummary(
                "Indicators with their names and descriptions (Accept-Language chooses; both under names and "
                    + "descriptions) and dated colour bands."
            )
            .WithExample(response: $"[{OnTimeExample}]");
        group
            .MapGet("/{code}", GetIndicator)
            .WithSummary("One indicator, named as in the listing.")
            .WithExample(response: OnTimeExample);
        group
            .MapPut("/", PutIndicators)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<List<IndicatorRequest>>()
            .RequireProvinceWide()
            .WithSummary(
                "Upsert indicators by code (new ones are reported indicators), named in Vietnamese and English; "
                    + "band scales replace those of the same date."
            )
            .WithExample(
                request: """
                [{"code":"vneid","names":{"vi":"Kích hoạt VNeID","en":"VNeID activation"},
                  "descriptions":{"vi":"Tài khoản định danh điện tử đã kích hoạt ÷ dân số từ 14 tuổi.",
                  "en":"Activated electronic identity accounts ÷ residents aged 14 and over."},
                  "bands":[{"validFrom":"2026-01-01","bands":[{"min":80,"color":"green"},{"min":0,"color":"red"}]}]}]
                """,
                response: """{"created":1,"updated":0}"""
            );
        group
            .MapPut("/{code}/bands", PutBands)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<BandScaleRequest>()
            .RequireProvinceWide()
            .WithSummary("Set the bands of an indicator in force from a date.")
            .WithExample(
                request: """
                {"validFrom":"2026-01-01","bands":[{"min":95,"color":"green"},{"min":85,"color":"yellow"},
                 {"min":75,"color":"orange"},{"min":0,"color":"red"}]}
                """,
                response: OnTimeExample
            );
        return app;
    }

    private static readonly IndicatorDefinition OnTime = IndicatorDefaults.All.Single(i =>
        i.Code == IndicatorCodes.OnTime
    );

    /// <summary>The on-time indicator as the routes answer it in Vietnamese.</summary>
    private static readonly string OnTimeExample = $$$"""
        {"code":"on-time","name":"{{{OnTime.Name}}}","description":"{{{OnTime.Description}}}",
         "names":{"vi":"{{{OnTime.Name}}}","en":"{{{OnTime.NameEn}}}"},
         "descriptions":{"vi":"{{{OnTime.Description}}}","en":"{{{OnTime.DescriptionEn}}}"},
         "kind":"built-in","bands":[{"validFrom":"2020-01-01","bands":[{"min":90,"color":"green"},
         {"min":80,"color":"yellow"},{"min":70,"color":"orange"},{"min":0,"color":"red"}]}]}
        """;

    private static async Task<Ok<IndicatorView[]>> ListIndicators(
        IndicatorStore store,
        [FromHeader(Name = RequestLanguage.Header)] string? acceptLanguage,
        CancellationToken ct
    )
    {
        var language = RequestLanguage.Of(acceptLanguage);
        return TypedResults.Ok(
            (await store.ListAsync(ct).ConfigureAwait(false)).Select(i => IndicatorView.Of(i, language)).ToArray()
        );
    }

    private static async Task<Results<Ok<IndicatorView>, ProblemHttpResult>> GetIndicator(
        string code,
        IndicatorStore store,
        [FromHeader(Name = RequestLanguage.Header)] string? acceptLanguage,
        CancellationToken ct
    ) =>
        (await store.ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(i => i.Code == code) is { } indicator
            ? TypedResults.Ok(IndicatorView.Of(indicator, RequestLanguage.Of(acceptLanguage)))
            : Problems.NotFound($"Indicator '{code}' does not exist.");

    private static async Task<Results<Ok<UpsertCounts>, ValidationProblem>> PutIndicators(
        List<IndicatorRequest> indicators,
        Caller caller,
        IndicatorStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var existing = (await store.ListAsync(ct).ConfigureAwait(false)).ToDictionary(
            i => i.Code,
            StringComparer.Ordinal
        );
        var definitions = indicators.Select(i => i.ToDefinition(existing.GetValueOrDefault(i.Code!)?.Kind)).ToList();
        var kindErrors = definitions
            .Where(d => KindChangeRefused(d, existing.GetValueOrDefault(d.Code)))
            .Select(d => new UpsertError(
                d.Code,
                existing.TryGetValue(d.Code, out var current)
                    ? $"Indicator '{d.Code}' is {WireName.Of(current.Kind)} and its kind cannot change."
                    : $"Indicator '{d.Code}' is not built in: new indicators are reported ones."
            ))
            .ToList();
        if (kindErrors.Count > 0)
        {
            return Problems.Refused("Indicator kinds cannot change.", kindErrors);
        }

        var outcome = await store.UpsertAsync(definitions, caller.Stamp(clock), ct).ConfigureAwait(false);
        return TypedResults.Ok(new UpsertCounts(outcome.Created, outcome.Updated));
    }

    private static async Task<Results<Ok<IndicatorView>, ProblemHttpResult>> PutBands(
        string code,
        BandScaleRequest scale,
        [FromHeader(Name = RequestLanguage.Header)] string? acceptLanguage,
        Caller caller,
        IndicatorStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var stored = await store.PutBandsAsync(code, scale.ToScale(), caller.Stamp(clock), ct).ConfigureAwait(false);
        if (!stored)
        {
            return Problems.NotFound($"Indicator '{code}' does not exist.");
        }

        var indicator = (await store.ListAsync(ct).ConfigureAwait(false)).First(i => i.Code == code);
        return TypedResults.Ok(IndicatorView.Of(indicator, RequestLanguage.Of(acceptLanguage)));
    }

    private static bool KindChangeRefused(IndicatorDefinition incoming, IndicatorDefinition? existing) =>
        existing is null ? incoming.Kind == IndicatorKind.BuiltIn : existing.Kind != incoming.Kind;
}
