namespace Scorecard.Infrastructure.Feeds;

/// <summary>A single-valued navigation (Dossier → Unit, Procedure): the target's columns read through <paramref
/// name="Join"/>.</summary>
internal sealed record FeedNavigation(string Name, Type ClrType, string Join, IReadOnlyList<FeedColumn> Columns)
{
    public FeedColumn? Column(string property) => Columns.FirstOrDefault(c => c.Property == property);
}
