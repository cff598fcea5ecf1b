namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// One property of an entity set and the SQL expression that yields it. Only these expressions
/// ever reach SQL text; <paramref name="Join"/> names the table alias the expression needs beyond
/// the set's own table, <paramref name="Ansi"/> marks codes stored as varchar on SQL Server (so
/// literals compared with them are sent as varchar and indexes stay usable).
/// </summary>
internal sealed record FeedColumn(
    string Property,
    string Expression,
    bool Nullable,
    bool Ansi = false,
    string? Join = null
);
