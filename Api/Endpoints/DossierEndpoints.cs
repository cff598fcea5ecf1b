using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Auth;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Endpoints;

internal static class DossierEndpoints
{
    public static IEndpointRouteBuilder MapDossierEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dossiers").WithTags("Dossier events");
        group
            .MapGet("/{code}", GetDossier)
            .WithSummary(
                "A dossier's state folded from its events, with its timeliness as of now. 'source' picks "
                    + "among the dossiers of several sources under one code."
            );
        group
            .MapGet("/{code}/events", GetEvents)
            .WithSummary(
                "Every event stored for a dossier, in the order they are applied; admins also see the "
                    + "events not applied, and why."
            );
        return app;
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> GetDossier(
        string code,
        [FromQuery] string? source,
        Caller caller,
        DossierReader reader,
        ReferenceDataCache referenceCache,
        TimeProvider clock,
        CancellationToken ct
    )
    {
        var (found, reference, problem) = await LookUpAsync(code, source, caller, reader, referenceCache, ct)
            .ConfigureAwait(false);
        if (found is null)
        {
            return problem!;
        }

        if (found.Received is not { } received)
        {
            return Problems.NotFound(
                $"Dossier '{code}' has {found.Events.Count} event(s) but no 'received' event yet."
            );
        }

        var procedure = reference.Procedure(received.ProcedureCode!);
        var events = SenderScopes.Applicable(
            [.. found.Events.Select(s => s.Event)],
            received.UnitCode!,
            reference.Units
        );
        var state = DossierFold.Fold(events, procedure, reference.Calendar)!;
        var timeliness = TimelinessRules.Classify(state, clock.GetUtcNow(), reference.Calendar);
        return TypedResults.Ok(DossierView.From(found.Source, state, timeliness));
    }

    private static async Task<Results<Ok<List<EventView>>, ProblemHttpResult>> GetEvents(
        string code,
        [FromQuery] string? source,
        Caller caller,
        DossierReader reader,
        ReferenceDataCache referenceCache,
        CancellationToken ct
    )
    {
        var (found, reference, problem) = await LookUpAsync(code, source, caller, reader, referenceCache, ct)
            .ConfigureAwait(false);
        if (found is null)
        {
            return problem!;
        }

        var unit = found.Received?.UnitCode;
        var views = found.Events.Select(s =>
            EventView.From(s, unit is null || SenderScopes.Covers(s.Event, unit, reference.Units))
        );
        return TypedResults.Ok(views.Where(v => v.Applied || caller.IsAdmin).ToList());
    }

    /// <summary>The dossier the code names for this caller, with the reference data; or the problem to
    /// answer.</summary>
    private static async Task<(
        DossierLookup.Found? Found,
        ReferenceData Reference,
        ProblemHttpResult? Problem
    )> LookUpAsync(
        string code,
        string? source,
        Caller caller,
        DossierReader reader,
        ReferenceDataCache referenceCache,
        CancellationToken ct
    )
    {
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var stored = await reader.EventsAsync(code, ct).ConfigureAwait(false);
        var (found, ambiguous) = DossierLookup.Find(stored, source, caller, reference.Units);
        var problem =
            found is not null ? null
            : ambiguous.Count > 0 ? Ambiguous(code, ambiguous)
            : Problems.NotFound(DossierLookup.NotFound(code));
        return (found, reference, problem);
    }

    private static ProblemHttpResult Ambiguous(string code, IReadOnlyList<string> sources) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            detail: $"Code '{code}' names dossiers of several sources this key may see: "
                + $"{string.Join(", ", sources.Select(s => $"'{s}'"))}. Choose one with ?source=."
        );
}
