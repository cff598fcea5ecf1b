namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// A collection-valued navigation (Unit → Children, Dossiers, Successors): the rows of <paramref name="Target"/>
/// whose <paramref name="Partition"/> (an expression over the target's rows, through the target's join
/// <paramref name="PartitionJoin"/> when it needs one) equals the parent row's <paramref name="ParentProperty"/>.
/// Followed from one row (<c>Units('49')/Children</c>) it is a feed of the target set; expanded, it is read
/// for a whole page of parents in one statement per chunk of parents, a bounded number of rows per parent.
/// </summary>
internal sealed record FeedCollection(
    string Name,
    Func<FeedDefinition> Target,
    string ParentProperty,
    string Partition,
    string? PartitionJoin = null
);
