using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Validation;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Api.Endpoints;

internal static class UnitEndpoints
{
    public static IEndpointRouteBuilder MapUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units").WithTags("Units");
        group.MapGet("/", ListUnits).WithSummary("Units visible to the caller, parents before children.");
        group.MapGet("/{code}", GetUnit).WithSummary("One unit.");
        group
            .MapPut("/", PutUnits)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<List<UnitRequest>>()
            .RequireProvinceWide()
            .WithSummary("Upsert units by code; refuses unknown parents and cycles, naming the unit.");
        return app;
    }

    private static async Task<Ok<List<Unit>>> ListUnits(
        Caller caller,
        ReferenceDataCache reference,
        CancellationToken ct
    )
    {
        var tree = (await reference.GetAsync(ct).ConfigureAwait(false)).Units;
        var scope = caller.ScopeUnit;
        return TypedResults.Ok(scope is null ? [.. tree.TopDown] : tree.Subtree(scope).ToList());
    }

    private static async Task<Results<Ok<Unit>, ProblemHttpResult>> GetUnit(
        string code,
        Caller caller,
        ReferenceDataCache reference,
        CancellationToken ct
    )
    {
        var tree = (await reference.GetAsync(ct).ConfigureAwait(false)).Units;
        if (tree.Find(code) is not { } unit)
        {
            return Problems.NotFound($"Unit '{code}' does not exist.");
        }

        return UnitScope.Contains(tree, caller.ScopeUnit, code)
            ? TypedResults.Ok(unit)
            : Problems.OutsideScope(code, caller.ScopeUnit!);
    }

    private static async Task<Results<Ok<UpsertCounts>, ValidationProblem>> PutUnits(
        List<UnitRequest> units,
        Caller caller,
        UnitStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var outcome = await store
            .UpsertAsync([.. units.Select(u => u.ToUnit())], caller.Stamp(clock), ct)
            .ConfigureAwait(false);
        return outcome.Succeeded
            ? TypedResults.Ok(new UpsertCounts(outcome.Created, outcome.Updated))
            : Problems.Refused("The units do not form a hierarchy.", outcome.Errors);
    }
}
