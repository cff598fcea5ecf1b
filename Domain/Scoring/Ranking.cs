namespace Scorecard.Domain.Scoring;

/// <summary>
/// Competition ranking (1, 2, 2, 4), highest value first. Ties: an item ties with the item ranked
/// just before it when their values differ by at most the tolerance, and then shares its rank. Ties
/// chain, so the relation is not transitive: with tolerance 0.01, 90.00, 89.99 and 89.98 all rank 1
/// although the first and last differ by 0.02. Items without a value come last with a null rank.
/// Order within equal ranks (and among nulls) follows the tie-break key, then the input order.
/// </summary>
public static class Ranking
{
    public const decimal DefaultTolerance = 0.01m;

    public static IReadOnlyList<Ranked<T>> Rank<T>(
        IEnumerable<T> items,
        Func<T, decimal?> value,
        decimal tolerance = DefaultTolerance
    ) => Rank(items, value, _ => string.Empty, tolerance);

    /// <param name="tieBreak">Orders items whose values are equal or tie (e.g. unit code), ordinal.</param>
    public static IReadOnlyList<Ranked<T>> Rank<T>(
        IEnumerable<T> items,
        Func<T, decimal?> value,
        Func<T, string> tieBreak,
        decimal tolerance = DefaultTolerance
    )
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(tieBreak);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        var valued = items.Select(i => (Item: i, Value: value(i))).ToList();
        var ordered = valued
            .Where(x => x.Value is not null)
            .OrderByDescending(x => x.Value)
            .ThenBy(x => tieBreak(x.Item), StringComparer.Ordinal)
            .ToList();
        var result = new List<Ranked<T>>(valued.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var ties = i > 0 && ordered[i - 1].Value!.Value - ordered[i].Value!.Value <= tolerance;
            result.Add(new Ranked<T>(ordered[i].Item, ties ? result[i - 1].Rank : i + 1, ordered[i].Value));
        }

        result.AddRange(
            valued
                .Where(x => x.Value is null)
                .OrderBy(x => tieBreak(x.Item), StringComparer.Ordinal)
                .Select(x => new Ranked<T>(x.Item, null, null))
        );
        return result;
    }
}
