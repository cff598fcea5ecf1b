using System.Data.Common;
using System.Globalization;

namespace Scorecard.Infrastructure.Facts;

/// <summary>
/// Reads rows of summed facts: the counter columns are found by their aliases (the counter names of
/// <see cref="FactColumns.Sums"/> or <see cref="FactColumns.SumsOf"/>); a counter a statement does not
/// sum, or sums over no rows, is zero.
/// </summary>
internal static class FactReader
{
    /// <summary>The key of a row whose first two columns are a unit's id and a day (or a month's first day).</summary>
    public static (int UnitId, DateOnly Day) UnitAndDay(DbDataReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return (
            Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture),
            Database.DapperTypeHandlers.ParseDate(reader.GetValue(1))
        );
    }

    public static async Task<List<(TKey Key, FactCounts Counts)>> ReadAsync<TKey>(
        DbDataReader reader,
        Func<DbDataReader, TKey> key,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(key);
        var ordinals = new int[(int)FactCounter.Count];
        for (var i = 0; i < ordinals.Length; i++)
        {
            ordinals[i] = -1;
        }

        for (var column = 0; column < reader.FieldCount; column++)
        {
            if (Enum.TryParse<FactCounter>(reader.GetName(column), out var counter) && counter != FactCounter.Count)
            {
                ordinals[(int)counter] = column;
            }
        }

        var rows = new List<(TKey, FactCounts)>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(
                (
                    key(reader),
                    FactCounts.From(c =>
                        ordinals[(int)c] is var o and >= 0 && !reader.IsDBNull(o)
                            ? Convert.ToInt64(reader.GetValue(o), CultureInfo.InvariantCulture)
                            : 0
                    )
                )
            );
        }

        return rows;
    }
}
