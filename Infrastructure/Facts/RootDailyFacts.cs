using System.Data.Common;
using Dapper;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Infrastructure.Facts;

/// <summary>
/// <c>root_daily_facts</c>: the daily counts of each root unit's whole subtree (a province as received), so that a
/// province's day-by-day series reads one row a day instead of one per unit and day. The indicator values refresh
/// rewrites the months it recomputes, before it removes their marks; <c>root_daily_cover</c> holds the months it
/// covers. A reader takes a month from here only while the month is covered and not marked stale (see
/// <see cref="RollupMonths"/>); every change to <c>daily_facts</c> marks its month in its own transaction, so a month
/// read from here has the counts of <c>daily_facts</c>.
/// </summary>
public sealed class RootDailyFacts(DbConnectionFactory db)
{
    /// <summary>Each root's counts of each day of a span, summed over its subtree from <c>daily_facts</c>.</summary>
    private static readonly string SumRootDaysSql = $"""
        SELECT c.ancestor_id AS UnitId, f.day AS Day, {FactColumns.Sums}
        FROM daily_facts f
            INNER JOIN unit_closure c ON c.descendant_id = f.unit_id
            INNER JOIN units u ON u.id = c.ancestor_id
        WHERE u.parent_code IS NULL AND f.day >= @From AND f.day <= @To
        GROUP BY c.ancestor_id, f.day
        """;

    private const string DeleteDaysSql = "DELETE FROM root_daily_facts WHERE day >= @From AND day <= @To";

    private const string DeleteOutsideSql = "DELETE FROM root_daily_facts WHERE day < @From OR day > @To";

    private static readonly string InsertDaySql =
        $"INSERT INTO root_daily_facts ({FactColumns.Daily.Names}) VALUES (@UnitId, @Day, {FactColumns.Values})";

    private const string DeleteCoverSql = "DELETE FROM root_daily_cover";

    private const string InsertCoverSql =
        "INSERT INTO root_daily_cover (id, first_month, last_month) VALUES (1, @First, @Last)";

    private const string CoverSql = "SELECT first_month AS First, last_month AS Last FROM root_daily_cover";

    private const string MarkedSql = "SELECT month FROM indicator_values_stale";

    /// <summary>
    /// Rewrites the root rows of each of <paramref name="months"/> (first days) from <c>daily_facts</c>, a month per
    /// short write transaction (its sums are read before it), then drops the rows outside <paramref name="cover"/>
    /// and records it (null: nothing is covered, every row goes).
    /// </summary>
    public async Task RefreshAsync(
        IEnumerable<DateOnly> months,
        (DateOnly First, DateOnly Last)? cover,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(months);
        foreach (var month in months)
        {
            var span = new { From = month, To = month.AddMonths(1).AddDays(-1) };
            List<((int UnitId, DateOnly Day) Key, FactCounts Counts)> rows;
            await using (var reader = await db.OpenUnmappedAsync(ct).ConfigureAwait(false))
            {
                await using var result = await reader
                    .ExecuteReaderAsync(new CommandDefinition(SumRootDaysSql, span, cancellationToken: ct))
                    .ConfigureAwait(false);
                rows = await FactReader
                    .ReadAsync((DbDataReader)result, FactReader.UnitAndDay, ct)
                    .ConfigureAwait(false);
            }

            await InTransactionAsync(
                    async (connection, transaction) =>
                    {
                        await connection
                            .ExecuteAsync(
                                new CommandDefinition(DeleteDaysSql, span, transaction, cancellationToken: ct)
                            )
                            .ConfigureAwait(false);
                        await connection
                            .ExecuteAsync(
                                new CommandDefinition(
                                    InsertDaySql,
                                    rows.Select(r => Parameters(r.Key.UnitId, r.Key.Day, r.Counts)),
                                    transaction,
                                    cancellationToken: ct
                                )
                            )
                            .ConfigureAwait(false);
                    },
                    ct
                )
                .ConfigureAwait(false);
        }

        await InTransactionAsync(
                async (connection, transaction) =>
                {
                    var outside = cover is { } c
                        ? new { From = c.First, To = c.Last.AddMonths(1).AddDays(-1) }
                        : new { From = DateOnly.MaxValue, To = DateOnly.MinValue };
                    await connection
                        .ExecuteAsync(
                            new CommandDefinition(DeleteOutsideSql, outside, transaction, cancellationToken: ct)
                        )
                        .ConfigureAwait(false);
                    await connection
                        .ExecuteAsync(
                            new CommandDefinition(DeleteCoverSql, transaction: transaction, cancellationToken: ct)
                        )
                        .ConfigureAwait(false);
                    if (cover is { } kept)
                    {
                        await connection
                            .ExecuteAsync(
                                new CommandDefinition(
                                    InsertCoverSql,
                                    new { kept.First, kept.Last },
                                    transaction,
                                    cancellationToken: ct
                                )
                            )
                            .ConfigureAwait(false);
                    }
                },
                ct
            )
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The months (first days) from <paramref name="from"/>'s to <paramref name="to"/>'s that a reader may take from
    /// <c>root_daily_facts</c>, read on the caller's connection and transaction (read it in the transaction of the
    /// reads that follow, so that both see one state): those covered and not marked stale; none while everything is
    /// marked.
    /// </summary>
    public static async Task<HashSet<DateOnly>> RollupMonths(
        DbConnection connection,
        DbTransaction? transaction,
        DateOnly from,
        DateOnly to,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(connection);
        var cover = await connection
            .QuerySingleOrDefaultAsync<Cover>(
                new CommandDefinition(CoverSql, transaction: transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        var marked = (
            await connection
                .QueryAsync<string>(new CommandDefinition(MarkedSql, transaction: transaction, cancellationToken: ct))
                .ConfigureAwait(false)
        ).ToHashSet(StringComparer.Ordinal);
        var months = new HashSet<DateOnly>();
        if (cover is null || marked.Contains(StaleMarks.All))
        {
            return months;
        }

        var first = new DateOnly(from.Year, from.Month, 1);
        for (var month = first < cover.First ? cover.First : first; month <= to; month = month.AddMonths(1))
        {
            if (month <= cover.Last && !marked.Contains(StaleMarks.Of(month)))
            {
                months.Add(month);
            }
        }

        return months;
    }

    private static DynamicParameters Parameters(int unitId, DateOnly day, FactCounts counts)
    {
        var parameters = new DynamicParameters();
        parameters.Add("UnitId", unitId);
        parameters.Add("Day", day);
        for (var counter = (FactCounter)0; counter < FactCounter.Count; counter++)
        {
            parameters.Add(counter.ToString(), counts[counter]);
        }

        return parameters;
    }

    private async Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> write, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await write(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private sealed class Cover
    {
        public DateOnly First { get; init; }
        public DateOnly Last { get; init; }
    }
}
