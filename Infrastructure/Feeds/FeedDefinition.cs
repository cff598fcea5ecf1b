namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// How one entity set is read: its table, the joins its columns may need, the property → SQL map,
/// the key (the last ORDER BY column, so paging is stable) and the predicate that limits a key
/// scoped to a unit to that unit's subtree (parameter <c>@__scope</c>, the unit's id).
/// </summary>
internal sealed class FeedDefinition
{
    public required string EntitySet { get; init; }

    public required Type ClrType { get; init; }

    public required string Table { get; init; }

    public IReadOnlyDictionary<string, string> Joins { get; init; } =
        new Dictionary<string, string>(StringComparer.Ordinal);

    public required IReadOnlyList<FeedColumn> Columns { get; init; }

    public required IReadOnlyList<string> Key { get; init; }

    public required string ScopePredicate { get; init; }

    /// <summary>
    /// A condition every read adds unless its filter names <see cref="FeedDefault.Property"/> (or it reads one row by
    /// its key): the figure feeds answer the as-of reading of the units unless asked for the structure, so that a
    /// client that sums without filtering never counts a figure twice.
    /// </summary>
    public FeedDefault? Default { get; init; }

    public IReadOnlyList<FeedNavigation> Navigations { get; init; } = [];

    public IReadOnlyList<FeedCollection> Collections { get; init; } = [];

    public FeedColumn? Column(string property) => Columns.FirstOrDefault(c => c.Property == property);

    public FeedNavigation? Navigation(string name) => Navigations.FirstOrDefault(n => n.Name == name);

    public FeedCollection? Collection(string name) => Collections.FirstOrDefault(n => n.Name == name);
}
