using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.OpenApi;
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
            )
            .WithExample(
                response: """
                [{"code":"49","name":"Tỉnh Quảng Nam","level":"province","kind":"locality","parentCode":null,
                  "validFrom":"2020-01-01","validTo":null,"successorCodes":[],
                  "externalIds":{"qcvn102":"000.00.00.H49"},"primarySuccessor":null},
                 {"code":"502","name":"Thành phố Tam Kỳ","level":"district","kind":"locality","parentCode":"49",
                  "validFrom":"2020-01-01","validTo":"2025-06-30","successorCodes":[],"externalIds":{},
                  "primarySuccessor":null}]
                """
            );
        group
            .MapGet("/{code}", GetUnit)
            .WithSummary("One unit.")
            .WithExample(
                response: """
                {"code":"62","name":"Tỉnh Kon Tum","level":"province","kind":"locality","parentCode":null,
                 "validFrom":"2020-01-01","validTo":"2025-06-30","successorCodes":["49"],
                 "externalIds":{"qcvn102":"000.00.00.H62"},"primarySuccessor":"49"}
                """
            );
        group
            .MapPut("/", PutUnits)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<List<UnitRequest>>()
            .RequireProvinceWide()
            .WithSummary("Upsert units by code; refuses unknown parents and cycles, naming the unit.")
            .WithExample(
                request: """
                [{"code":"49.SDL","name":"Sở Du lịch","level":"province","kind":"agency","parentCode":"49"}]
                """,
                response: """{"created":1,"updated":0}"""
            );
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
