namespace Scorecard.Infrastructure.Ingestion;

/// <summary>Who sends a batch: the source it speaks for, the scope of its key and the key's id (null for the bootstrap
/// key).</summary>
public sealed record EventSender(string Source, string? ScopeUnit, string? KeyId);
