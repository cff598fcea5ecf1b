using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Api.Auth;
using Scorecard.Api.Validation;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Procedures;

namespace Scorecard.Api.Endpoints;

internal static class ProcedureEndpoints
{
    public static IEndpointRouteBuilder MapProcedureEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/procedures").WithTags("Procedures");
        group
            .MapGet("/", ListProcedures)
            .WithSummary("Procedures, optionally of one level (province, district, commune).");
        group.MapGet("/{code}", GetProcedure).WithSummary("One procedure.");
        group
            .MapPut("/", PutProcedures)
            .RequireAuthorization(Roles.AdminPolicy)
            .WithValidation<List<ProcedureRequest>>()
            .RequireProvinceWide()
            .WithSummary("Upsert procedures by code.");
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<Procedure>>, ProblemHttpResult>> ListProcedures(
        string? level,
        ProcedureStore store,
        CancellationToken ct
    )
    {
        UnitLevel? parsed = null;
        if (level is not null)
        {
            if (!WireName.TryParse<UnitLevel>(level, out var value))
            {
                return Problems.BadRequest(
                    $"Level '{level}' is not one of: {string.Join(", ", WireName.All<UnitLevel>())}."
                );
            }

            parsed = value;
        }

        return TypedResults.Ok(await store.ListAsync(parsed, ct).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<Procedure>, ProblemHttpResult>> GetProcedure(
        string code,
        ProcedureStore store,
        CancellationToken ct
    ) =>
        await store.FindAsync(code, ct).ConfigureAwait(false) is { } procedure
            ? TypedResults.Ok(procedure)
            : Problems.NotFound($"Procedure '{code}' does not exist.");

    private static async Task<Ok<UpsertCounts>> PutProcedures(
        List<ProcedureRequest> procedures,
        Caller caller,
        ProcedureStore store,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var outcome = await store
            .UpsertAsync([.. procedures.Select(p => p.ToProcedure())], caller.Stamp(clock), ct)
            .ConfigureAwait(false);
        return TypedResults.Ok(new UpsertCounts(outcome.Created, outcome.Updated));
    }
}
