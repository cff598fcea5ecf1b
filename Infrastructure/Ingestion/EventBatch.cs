namespace Scorecard.Infrastructure.Ingestion;

/// <summary>One request's events waiting for the writer; completed once committed (or failed).</summary>
internal sealed class EventBatch(IReadOnlyList<IncomingEvent> events, string? scopeUnit, string? keyId)
{
    public IReadOnlyList<IncomingEvent> Events { get; } = events;

    /// <summary>The unit whose subtree the sending key is limited to, or null.</summary>
    public string? ScopeUnit { get; } = scopeUnit;

    public string? KeyId { get; } = keyId;

    public TaskCompletionSource<BatchOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
