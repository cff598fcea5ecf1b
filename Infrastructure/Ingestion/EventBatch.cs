namespace Scorecard.Infrastructure.Ingestion;

/// <summary>One request's events waiting for the writer; completed once committed (or failed).</summary>
internal sealed class EventBatch(IReadOnlyList<IncomingEvent> events, EventSender sender)
{
    public IReadOnlyList<IncomingEvent> Events { get; } = events;

    /// <summary>The source the events belong to (their ids and dossier codes are the source's own).</summary>
    public string Source { get; } = sender.Source;

    /// <summary>The unit whose subtree the sending key is limited to, or null.</summary>
    public string? ScopeUnit { get; } = sender.ScopeUnit;

    public string? KeyId { get; } = sender.KeyId;

    /// <summary>The trace of the request that sent the batch, linked from the transaction that stores it.</summary>
    public System.Diagnostics.ActivityContext Origin { get; } = System.Diagnostics.Activity.Current?.Context ?? default;

    public TaskCompletionSource<BatchOutcome> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);
}
