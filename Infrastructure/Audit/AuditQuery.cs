namespace Scorecard.Infrastructure.Audit;

/// <summary>
/// The parts of the audit page statement both databases share; each dialect wraps them with its own row limit
/// (<c>AuditPageSql</c>). Entries come in id order, which is the order they were committed in.
/// </summary>
internal static class AuditQuery
{
    public const string Columns = $"""
        a.id AS {nameof(AuditEntry.Id)}, a.at AS {nameof(AuditEntry.At)}, a.key_id AS {nameof(AuditEntry.KeyId)},
               a.key_name AS {nameof(AuditEntry.KeyName)}, a.entity AS {nameof(AuditEntry.Entity)},
               a.entity_key AS {nameof(AuditEntry.EntityKey)}, a.action AS {nameof(AuditEntry.Action)},
               a.unit_code AS {nameof(AuditEntry.UnitCode)}, a.before_json AS {nameof(AuditEntry.Before)},
               a.after_json AS {nameof(AuditEntry.After)}
        """;

    /// <summary>A scoped reader (<c>@Scope</c>, a unit code) sees the entries of units in that unit's
    /// subtree.</summary>
    public const string Where = """
        WHERE a.id > @AfterId
          AND (@From IS NULL OR a.at >= @From) AND (@To IS NULL OR a.at < @To)
          AND (@Entity IS NULL OR a.entity = @Entity) AND (@KeyId IS NULL OR a.key_id = @KeyId)
          AND (@Scope IS NULL OR a.unit_code IN (
                SELECT su.code FROM units su
                JOIN unit_closure sc ON sc.descendant_id = su.id
                JOIN units sa ON sa.id = sc.ancestor_id
                WHERE sa.code = @Scope))
        """;
}
