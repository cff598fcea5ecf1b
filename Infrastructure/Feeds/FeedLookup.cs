namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// A key lookup (<c>Units('49')</c>, <c>Dossiers(Source='…',Code='…')</c>): the row of the set with
/// this key; or, with <paramref name="Parent"/> and <paramref name="Navigation"/>, the row that the
/// parent set's row with this key points to (<c>Dossiers(…)/Unit</c>), or the rows of a
/// collection it holds (<paramref name="Collection"/>: <c>Units('49')/Children</c>, a feed like any other).
/// The key values become parameters.
/// </summary>
internal sealed record FeedLookup(
    IReadOnlyList<KeyValuePair<string, object>> Key,
    FeedDefinition? Parent = null,
    FeedNavigation? Navigation = null,
    FeedCollection? Collection = null
);
