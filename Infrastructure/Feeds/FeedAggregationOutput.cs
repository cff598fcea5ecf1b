namespace Scorecard.Infrastructure.Feeds;

/// <summary>
/// The output of an aggregation seen as an entity set, so that <c>$filter</c> and <c>$orderby</c> after
/// <c>$apply</c> translate by the same visitor as a page: each output name (<c>N</c>, <c>UnitCode</c>) is a column
/// of the derived table <c>g</c>, and a grouped navigation path (<c>Unit/Level</c>) a column of a navigation that
/// needs no join.
/// </summary>
internal static class FeedAggregationOutput
{
    public static FeedDefinition Definition(FeedDefinition feed, IEnumerable<FeedColumn> outputs)
    {
        var own = new List<FeedColumn>();
        var navigations = new Dictionary<string, List<FeedColumn>>(StringComparer.Ordinal);
        foreach (var output in outputs)
        {
            if (output.Property.Split('/') is [var navigation, var property])
            {
                if (!navigations.TryGetValue(navigation, out var columns))
                {
                    navigations[navigation] = columns = [];
                }

                columns.Add(output with { Property = property });
            }
            else
            {
                own.Add(output);
            }
        }

        return new FeedDefinition
        {
            EntitySet = feed.EntitySet,
            ClrType = feed.ClrType,
            Table = "g",
            Columns = own,
            Key = [],
            ScopePredicate = "1 = 1",
            Navigations =
            [
                .. navigations.Select(n => new FeedNavigation(
                    n.Key,
                    feed.Navigation(n.Key)!.ClrType,
                    string.Empty,
                    n.Value,
                    string.Empty,
                    string.Empty
                )),
            ],
        };
    }
}
