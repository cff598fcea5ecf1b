using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
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
        group.MapGet("/", ListIndicators).WithSummary("Indicators with their score weights and dated colour bands.");
        group.MapGet("/{code}", GetIndicator).WithSummary("One indicator.");
        group
            .MapPut("/", PutIndicators)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<List<IndicatorRequest>>()
            .RequireProvinceWide()
            .WithSummary(
                "Upsert indicators by code (new ones are reported indicators); band scales replace those of "
                    + "the same date."
            );
        group
            .MapPut("/{code}/bands", PutBands)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<BandScaleRequest>()
            .RequireProvinceWide()
            .WithSummary("Set the bands of an indicator in force from a date.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<IndicatorDefinition>>> ListIndicators(
        IndicatorStore store,
        CancellationToken ct
    ) => TypedResults.Ok(await store.ListAsync(ct).ConfigureAwait(false));

    private static async Task<Results<Ok<IndicatorDefinition>, ProblemHttpResult>> GetIndicator(
        string code,
        IndicatorStore store,
        CancellationToken ct
    ) =>
        (await store.ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(i => i.Code == code) is { } indicator
            ? TypedResults.Ok(indicator)
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

    private static async Task<Results<Ok<IndicatorDefinition>, ProblemHttpResult>> PutBands(
        string code,
        BandScaleRequest scale,
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

        return TypedResults.Ok((await store.ListAsync(ct).ConfigureAwait(false)).First(i => i.Code == code));
    }

    private static bool KindChangeRefused(IndicatorDefinition incoming, IndicatorDefinition? existing) =>
        existing is null ? incoming.Kind == IndicatorKind.BuiltIn : existing.Kind != incoming.Kind;
}
