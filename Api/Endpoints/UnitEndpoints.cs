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
        group
            .MapGet("/", ListUnits)
            .WithSummary(
                "Units visible to the caller, parents before children: of a level, children of a parent, active on "
                    + "a date, whose name holds q (accents ignored); top (default 1000, at most 10000) from skip, "
                    + "with a Link to the next page."
            );
        group.MapGet("/{code}", GetUnit).WithSummary("One unit.");
        group
            .MapPut("/", PutUnits)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<List<UnitRequest>>()
            .RequireProvinceWide()
            .WithSummary("Upsert units by code; refuses unknown parents and cycles, naming the unit.");
        return app;
    }

    private static async Task<Results<Ok<List<Unit>>, ProblemHttpResult>> ListUnits(
        [AsParameters] UnitListRequest request,
        Caller caller,
        ReferenceDataCache reference,
        HttpContext context,
        CancellationToken ct
    )
    {
        var tree = (await reference.GetAsync(ct).ConfigureAwait(false)).Units;
        var (query, problem) = request.Parse(tree, caller.ScopeUnit);
        if (problem is not null)
        {
            return problem;
        }

        var scope = caller.ScopeUnit;
        var visible = scope is null ? tree.TopDown : tree.Subtree(scope);
        var page = visible.Where(query.Matches).Skip(query.Skip).Take(query.Top + 1).ToList();
        if (page.Count > query.Top)
        {
            page.RemoveAt(query.Top);
            context.Response.Headers.Link = NextPage(context.Request, query.Skip + query.Top);
        }

        return TypedResults.Ok(page);
    }

    /// <summary>The link to the page after this one: the same URL, skipping <paramref name="skip"/> units.</summary>
    private static string NextPage(HttpRequest request, int skip)
    {
        var query = request.Query.Where(p => !p.Key.Equals("skip", StringComparison.OrdinalIgnoreCase));
        var builder = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder(query)
        {
            { "skip", skip.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return $"<{request.PathBase}{request.Path}{builder.ToQueryString()}>; rel=\"next\"";
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
