namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// A single-valued navigation (Dossier → Unit, Procedure; Unit → Parent; a figure → Unit, Indicator): the
/// target's columns read through <paramref
/// name="Join"/>. Followed from one row (<c>Dossiers(…)/Unit</c>), the target is the row whose
/// <paramref name="TargetKey"/> equals that row's <paramref name="ForeignKey"/>.
/// </summary>
internal sealed record FeedNavigation(
    string Name,
    Type ClrType,
    string Join,
    IReadOnlyList<FeedColumn> Columns,
    string TargetKey,
    string ForeignKey
)
{
    public FeedColumn? Column(string property) => Columns.FirstOrDefault(c => c.Property == property);
}
