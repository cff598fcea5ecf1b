namespace Scorecard.Infrastructure.Audit;

/// <summary>
/// One changed thing: its entity (<c>unit</c>, <c>procedure</c>, …), its key within the entity, the unit it
/// belongs to (null: province-wide) and its state before and after (null before: created; null after: deleted).
/// </summary>
public sealed record AuditChange(string Entity, string EntityKey, string? UnitCode, object? Before, object? After)
{
    public string Action =>
        Before is null ? AuditActions.Create
        : After is null ? AuditActions.Delete
        : AuditActions.Update;
}
