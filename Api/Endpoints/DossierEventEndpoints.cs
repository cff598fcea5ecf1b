using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Auth;
using Scorecard.Api.Ingestion;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Endpoints;

internal static class DossierEventEndpoints
{
    public static IEndpointRouteBuilder MapDossierEventEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dossier-events", PostEvents)
            .WithTags("Dossier events")
            .RequireAuthorization(Roles.IngestPolicy)
            .Accepts<DossierEventsRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary(
                "Push a batch of dossier events (at most 5,000 or 10 MiB). 200 means every accepted event "
                    + "is committed."
            );
        return app;
    }

    private static async Task<Results<Ok<IngestionResponse>, ProblemHttpResult>> PostEvents(
        JsonDocument body,
        [FromQuery] string? source,
        Caller caller,
        ReferenceDataCache referenceCache,
        EventIngestion ingestion,
        HttpContext http,
        CancellationToken ct
    )
    {
        using var document = body;
        if (
            document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("events", out var eventsJson)
            || eventsJson.ValueKind != JsonValueKind.Array
        )
        {
            return Problems.BadRequest("The body must be {\"events\": [...]}.");
        }

        var events = eventsJson.EnumerateArray().ToList();
        if (events.Count > EventBatchLimits.MaxEvents)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Payload Too Large",
                detail: $"A batch holds at most {EventBatchLimits.MaxEvents} events; this one has "
                    + $"{events.Count}. Split it."
            );
        }

        if (EventIngestion.RefuseSource(source, caller) is { } refused)
        {
            return refused;
        }

        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var (valid, rejected) = ingestion.Validate(events, reference, caller);
        var (response, problem) = await ingestion
            .WriteAsync(valid, rejected, reference, source, caller, http, ct)
            .ConfigureAwait(false);
        return response is not null ? TypedResults.Ok(response) : problem!;
    }
}
