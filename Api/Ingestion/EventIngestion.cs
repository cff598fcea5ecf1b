using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Scorecard.Api.Auth;
using Scorecard.Api.Validation;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Api.Ingestion;

/// <summary>
/// The one way events enter the log, for every route that brings them (README "Pushing dossier events"):
/// who may speak for a source, the rules of each event, how old a non-admin's events may be, the key's subtree,
/// and the writer's transaction; 200 means every accepted event is committed.
/// </summary>
internal sealed class EventIngestion(
    EventValidators validators,
    DossierEventWriter writer,
    ScorecardMetrics metrics,
    IOptions<IngestionOptions> limits,
    TimeProvider clock
)
{
    /// <summary>A 403 when the caller may not send for <paramref name="source"/>; null when it may.</summary>
    public static ProblemHttpResult? RefuseSource(string? source, Caller caller) =>
        source is not null
        && (!caller.IsAdmin || caller.ScopeUnit is not null || !ValidationExtensions.IsCodeText(source))
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: "Only a province-wide admin key may send events for another source ('source' must then be a "
                    + "code); nothing was stored."
            )
            : null;

    /// <summary>Splits events into those the rules accept and per-index rejections, without touching the
    /// database.</summary>
    public (List<IncomingEvent> Valid, List<RejectedEvent> Rejected) Validate(
        IReadOnlyList<JsonElement> events,
        ReferenceData reference,
        Caller caller
    )
    {
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

        return (valid, rejected);
    }

    /// <summary>Stores the valid events (all or none when a unit lies outside the key's subtree: 403); the answer
    /// adds the writer's rejections to <paramref name="rejected"/>.</summary>
    public async Task<(IngestionResponse? Response, ProblemHttpResult? Problem)> WriteAsync(
        List<IncomingEvent> valid,
        List<RejectedEvent> rejected,
        ReferenceData reference,
        string? source,
        Caller caller,
        HttpContext http,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(http);
        var scope = caller.ScopeUnit;
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
            return (null, OutsideScope(outside, scope!));
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
            return (new IngestionResponse(outcome.Accepted, outcome.Duplicates, all), null);
        }
        catch (Exception ex) when (ex is DbException or System.Threading.Channels.ChannelClosedException)
        {
            http.Response.Headers.RetryAfter = "2";
            return (
                null,
                TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "Service Unavailable",
                    detail: ex is DbException
                        ? "The database could not store this batch; nothing of it was stored. Send it again."
                        : "The service is shutting down; nothing of this batch was stored. Send it again."
                )
            );
        }
    }

    /// <summary>The 403 for units outside the key's subtree; nothing of the request is stored.</summary>
    public static ProblemHttpResult OutsideScope(IReadOnlyList<string> units, string scope) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: $"Unit(s) {string.Join(", ", units.Take(10).Select(u => $"'{u}'"))} are outside the "
                + $"subtree of '{scope}' this key is limited to; nothing was stored."
        );
}
