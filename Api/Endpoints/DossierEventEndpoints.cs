using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Scorecard.Api.Auth;
using Scorecard.Api.Ingestion;
using Scorecard.Api.Validation;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Telemetry;

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
        EventValidators validators,
        DossierEventWriter writer,
        ScorecardMetrics metrics,
        IOptions<IngestionOptions> limits,
        TimeProvider clock,
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

        var scope = caller.ScopeUnit;
        if (source is not null && (!caller.IsAdmin || scope is not null || !ValidationExtensions.IsCodeText(source)))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "Only a province-wide admin key may send events for another source ('source' must then be a "
                    + "code); nothing was stored."
            );
        }

        var reference = await referenceCache.GetAsync(ct).ConfigureAwait(false);
        var (valid, rejected) = BatchValidation.Validate(events, validators.For(reference));
        if (!caller.IsAdmin && limits.Value.MaxEventAgeDays > 0)
        {
            EventAge.RejectOlderThan(
                valid,
                rejected,
                clock.GetUtcNow().AddDays(-limits.Value.MaxEventAgeDays),
                limits.Value.MaxEventAgeDays
            );
        }

        var outside = valid
            .Where(e =>
                e.Event.Type == DossierEventType.Received
                && scope is not null
                && !reference.Units.IsAncestorOrSelf(scope, e.Event.UnitCode!)
            )
            .Select(e => e.Event.UnitCode!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (outside.Count > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: $"Unit(s) {string.Join(", ", outside.Take(10).Select(u => $"'{u}'"))} are outside the "
                    + $"subtree of '{scope}' this key is limited to; nothing was stored."
            );
        }

        try
        {
            var sender = new EventSender(source ?? caller.Source, scope, caller.KeyId);
            var outcome = await writer.WriteAsync(valid, sender, ct).ConfigureAwait(false);
            var all = rejected
                .Concat(
                    outcome
                        .Rejected.GroupBy(r => r.Index)
                        .Select(g => new RejectedEvent(
                            g.Key,
                            g.First().Id,
                            [.. g.Select(r => new FieldError(r.Field, r.Message))]
                        ))
                )
                .OrderBy(r => r.Index)
                .ToList();
            metrics.EventsPosted(sender.Source, outcome.Accepted, outcome.Duplicates, all.Count);
            return TypedResults.Ok(new IngestionResponse(outcome.Accepted, outcome.Duplicates, all));
        }
        catch (Exception ex) when (ex is DbException or System.Threading.Channels.ChannelClosedException)
        {
            http.Response.Headers.RetryAfter = "2";
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Service Unavailable",
                detail: ex is DbException
                    ? "The database could not store this batch; nothing of it was stored. Send it again."
                    : "The service is shutting down; nothing of this batch was stored. Send it again."
            );
        }
    }
}
