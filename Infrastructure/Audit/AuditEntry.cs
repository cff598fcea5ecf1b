namespace Scorecard.Infrastructure.Audit;

/// <summary>One stored audit entry; <see cref="Before"/> and <see cref="After"/> are JSON text.</summary>
public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public string? KeyId { get; init; }
    public string KeyName { get; init; } = "";
    public string Entity { get; init; } = "";
    public string EntityKey { get; init; } = "";
    public string Action { get; init; } = "";
    public string? UnitCode { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
}
