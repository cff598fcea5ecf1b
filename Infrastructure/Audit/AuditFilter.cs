namespace Scorecard.Infrastructure.Audit;

/// <summary>Which entries a page holds: after an entry id, within [From, To), of one entity or key, inside a
/// scope.</summary>
/// <param name="Scope">A unit code: only entries of units in its subtree; null: every entry.</param>
public sealed record AuditFilter(
    long AfterId,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Entity,
    string? KeyId,
    string? Scope,
    int Limit
);
