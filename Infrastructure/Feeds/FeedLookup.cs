namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// A key lookup (<c>Units('49')</c>, <c>Dossiers(Source='…',Code='…')</c>): the row of the set with
/// this key; or, with <paramref name="Parent"/> and <paramref name="Navigation"/>, the row that the
/// parent set's row with this key points to (<c>Dossiers(…)/Unit</c>). The key values become parameters.
/// </summary>
internal sealed record FeedLookup(
    IReadOnlyList<KeyValuePair<string, object>> Key,
    FeedDefinition? Parent = null,
    FeedNavigation? Navigation = null
);
