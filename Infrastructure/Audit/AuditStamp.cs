namespace Scorecard.Infrastructure.Audit;

/// <summary>Who makes a change and when: what every audited write is stamped with.</summary>
/// <param name="KeyId">The id of the key that asked for the change; null for the bootstrap key and the service
/// itself.</param>
/// <param name="KeyName">The key's name as it was then ("bootstrap", "system").</param>
/// <param name="At">When the change was made.</param>
public sealed record AuditStamp(string? KeyId, string KeyName, DateTimeOffset At)
{
    /// <summary>A change the service makes itself (installing built-in indicators, seeding the demo).</summary>
    public static AuditStamp System(DateTimeOffset at) => new(null, "system", at);
}
