using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
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
        group.MapGet("/{code}", GetDossier).WithSummary("A dossier's state folded from its events, with its timeliness as of now.");
        group.MapGet("/{code}/events", GetEvents).WithSummary("Every event stored for a dossier, in the order they are applied.");
        return app;
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> GetDossier(
        string code, ClaimsPrincipal user, DossierReader reader, ReferenceDataCache referenceCache, TimeProvider clock, CancellationToken ct)
    {
        var stored = await reader.EventsAsync(code, ct).ConfigureAwait(false);
        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var events = stored.Select(s => s.Event).ToList();
        var received = events.Find(e => e.Type == DossierEventType.Received);
        if (received is null)
        {
            return Problems.NotFound(stored.Count == 0
                ? $"Dossier '{code}' has no events."
                : $"Dossier '{code}' has {stored.Count} event(s) but no 'received' event yet.");
        }

        if (user.ScopeUnit() is { } scope && !reference.Units.IsAncestorOrSelf(scope, received.UnitCode!))
        {
            return Problems.OutsideScope(received.UnitCode!, scope);
        }

        var procedure = reference.Procedure(received.ProcedureCode!);
        var state = DossierFold.Fold(events, procedure, reference.Calendar)!;
        var timeliness = TimelinessRules.Classify(state, clock.GetUtcNow(), reference.Calendar);
        return TypedResults.Ok(DossierView.From(state, timeliness));
    }

    private static async Task<Results<Ok<List<EventView>>, ProblemHttpResult>> GetEvents(
        string code, ClaimsPrincipal user, DossierReader reader, ReferenceDataCache referenceCache, CancellationToken ct)
    {
        var stored = await reader.EventsAsync(code, ct).ConfigureAwait(false);
        if (stored.Count == 0)
        {
            return Problems.NotFound($"Dossier '{code}' has no events.");
        }

        if (user.ScopeUnit() is { } scope)
        {
            var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
            var unit = stored.Select(s => s.Event).FirstOrDefault(e => e.Type == DossierEventType.Received)?.UnitCode;
            var keyId = user.FindFirstValue(Roles.KeyIdClaim);
            var visible = unit is null ? stored.All(s => s.KeyId == keyId) : reference.Units.IsAncestorOrSelf(scope, unit);
            if (!visible)
            {
                return Problems.OutsideScope(unit ?? code, scope);
            }
        }

        return TypedResults.Ok(stored.Select(EventView.From).ToList());
    }
}
