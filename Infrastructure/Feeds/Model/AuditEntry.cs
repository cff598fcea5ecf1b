using System.ComponentModel.DataAnnotations;

namespace Scorecard.Infrastructure.Feeds.Model;

/// <summary>
/// One audit entry (set <c>AuditEntries</c>, admin keys only): who changed what, when, with the state before
/// and after as JSON text; keyed by its id, which orders entries as they were committed.
/// </summary>
public sealed class AuditEntry
{
    [Key]
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public string? KeyId { get; set; }

    public string KeyName { get; set; } = string.Empty;

    public string Entity { get; set; } = string.Empty;

    public string EntityKey { get; set; } = string.Empty;

    public string Action { get; set; } = string.Empty;

    public string? UnitCode { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }
}
