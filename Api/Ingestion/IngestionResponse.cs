namespace Scorecard.Api.Ingestion;

/// <summary>
/// The body of a batch (README "Pushing dossier events"): the events, at most <see cref="EventBatchLimits.MaxEvents"/>.
/// Documents the contract; the route reads the body as one JSON document so each event is checked on its own.
/// </summary>
internal sealed record DossierEventsRequest(List<System.Text.Json.JsonElement>? Events);

/// <summary>What happened to a batch: accepted events are committed; duplicates were already stored.</summary>
internal sealed record IngestionResponse(int Accepted, int Duplicates, IReadOnlyList<RejectedEvent> Rejected);

internal sealed record RejectedEvent(int Index, string? Id, IReadOnlyList<FieldError> Errors);

internal sealed record FieldError(string Field, string Message);

/// <summary>How large one batch of dossier events may be.</summary>
internal static class EventBatchLimits
{
    public const int MaxEvents = 5000;
}
