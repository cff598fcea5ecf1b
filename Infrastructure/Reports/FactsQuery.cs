using System.Data.Common;
using System.Globalization;
using Dapper;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Facts;

namespace Scorecard.Infrastructure.Reports;

/// <summary>
/// Sums of the facts tables over units' subtrees and day ranges: the counts every portal route
/// divides. Whole months are read from monthly_facts, partial months from daily_facts. Each
/// statement is plain SQL that SQLite and SQL Server both accept; {facts} and {key} name one of the
/// two tables and its date column, {0} the whitelisted sums (every counter, or one indicator's two).
/// </summary>
public sealed class FactsQuery(DbConnectionFactory db)
{
    private const string ProvinceLevel = "province";

    private const string SelfSql =
        "SELECT {0} FROM {facts} f WHERE f.unit_id = @UnitId AND f.{key} >= @From AND f.{key} <= @To";

    private const string ByHandlerLevelSql = """
        SELECT u.level AS Level, {0}
        FROM unit_closure c INNER JOIN {facts} f ON f.unit_id = c.descendant_id INNER JOIN units u ON u.id = f.unit_id
        WHERE c.ancestor_id = @UnitId AND f.{key} >= @From AND f.{key} <= @To
        GROUP BY u.level
        """;

    private const string ByUnitOfLevelSql = $$"""
        SELECT a.id AS UnitId, {0}
        FROM unit_closure pc
            INNER JOIN units a ON a.id = pc.descendant_id AND {{UnitsOfLevel.LevelFilter}}
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN {facts} f ON f.unit_id = c.descendant_id
        WHERE pc.ancestor_id = @ParentId AND f.{key} >= @From AND f.{key} <= @To AND {{UnitsOfLevel.LivedFilter}}
        GROUP BY a.id
        """;

    private const string ByLevelSql = $$"""
        SELECT a.id AS UnitId, {0}
        FROM units a
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN {facts} f ON f.unit_id = c.descendant_id
        WHERE {{UnitsOfLevel.LevelFilter}} AND f.{key} >= @From AND f.{key} <= @To AND {{UnitsOfLevel.LivedFilter}}
        GROUP BY a.id
        """;

    // The same for the units of the level below the roots, and for the roots from their daily rollup
    // (root_daily_facts: one row per root and day, the sums of its subtree).
    private const string ByLevelBelowRootsSql = $$"""
        SELECT a.id AS UnitId, {0}
        FROM units a
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN {facts} f ON f.unit_id = c.descendant_id
        WHERE a.parent_code IS NOT NULL AND {{UnitsOfLevel.LevelFilter}} AND f.{key} >= @From AND f.{key} <= @To
            AND {{UnitsOfLevel.LivedFilter}}
        GROUP BY a.id
        """;

    private const string RootsOfLevelSql = $$"""
        SELECT a.id AS UnitId, {0}
        FROM units a INNER JOIN root_daily_facts f ON f.unit_id = a.id
        WHERE a.parent_code IS NULL AND {{UnitsOfLevel.LevelFilter}} AND f.day >= @From AND f.day <= @To
            AND {{UnitsOfLevel.LivedFilter}}
        GROUP BY a.id
        """;

    private const string PerUnitSql = """
        SELECT f.unit_id AS UnitId, {0}
        FROM {facts} f
        WHERE f.{key} >= @From AND f.{key} <= @To
        GROUP BY f.unit_id
        """;

    private const string EveryUnitSql = """
        SELECT c.ancestor_id AS UnitId, {0}
        FROM unit_closure c INNER JOIN {facts} f ON f.unit_id = c.descendant_id
        WHERE f.{key} >= @From AND f.{key} <= @To
        GROUP BY c.ancestor_id
        """;

    private const string DailySubtreeSql = """
        SELECT f.day AS Day, {0}
        FROM daily_facts f
        WHERE f.day >= @From AND f.day <= @To AND f.unit_id IN (SELECT c.descendant_id FROM unit_closure c
            WHERE c.ancestor_id = @UnitId)
        GROUP BY f.day
        """;

    // The same over a subtree holding a large share of the units: the days in order from the day index, each unit
    // tested against the subtree's list (+ keeps the planner off the per-unit key, which would read each unit's days
    // and sort them all by day).
    private const string DailyWideSubtreeSql = """
        SELECT f.day AS Day, {0}
        FROM daily_facts f
        WHERE f.day >= @From AND f.day <= @To AND +f.unit_id IN (SELECT c.descendant_id FROM unit_closure c
            WHERE c.ancestor_id = @UnitId)
        GROUP BY f.day
        """;

    // 2 when the unit is a root (its series reads root_daily_facts), 1 when its subtree holds at least a quarter of
    // the units, else 0.
    private const string ShapeSql = """
        SELECT CASE WHEN (SELECT u.parent_code FROM units u WHERE u.id = @UnitId) IS NULL THEN 2
            WHEN 4 * (SELECT COUNT(*) FROM unit_closure c WHERE c.ancestor_id = @UnitId)
            >= (SELECT COUNT(*) FROM units) THEN 1 ELSE 0 END
        """;

    private const string DailyRootSql = """
        SELECT f.day AS Day, {0}
        FROM root_daily_facts f
        WHERE f.unit_id = @UnitId AND f.day >= @From AND f.day <= @To
        GROUP BY f.day
        """;

    private const string DailySelfSql =
        "SELECT f.day AS Day, {0} FROM daily_facts f WHERE f.unit_id = @UnitId AND "
        + "f.day >= @From AND f.day <= @To GROUP BY f.day";

    /// <summary>The counts of the unit's own dossiers (a subtree's are the sum of <see
    /// cref="SumByHandlerLevelAsync"/>); with an <paramref name="indicator"/> (a key of <see
    /// cref="FactColumns.SumsOf"/>), only its counters are summed.</summary>
    public async Task<FactCounts> SumSelfAsync(
        int unitId,
        DateOnly from,
        DateOnly to,
        CancellationToken ct,
        string? indicator = null
    ) =>
        (
            await QueryAsync(SelfSql, indicator, new { UnitId = unitId }, from, to, _ => 0, ct).ConfigureAwait(false)
        ).Aggregate(default(FactCounts), (sum, r) => sum + r.Counts);

    /// <summary>The subtree's counts grouped by the level of the unit that handled each dossier.</summary>
    public async Task<IReadOnlyDictionary<string, FactCounts>> SumByHandlerLevelAsync(
        int unitId,
        DateOnly from,
        DateOnly to,
        CancellationToken ct,
        string? indicator = null
    ) =>
        Merge(
            await QueryAsync(ByHandlerLevelSql, indicator, new { UnitId = unitId }, from, to, r => r.GetString(0), ct)
                .ConfigureAwait(false)
        );

    /// <summary>
    /// Every unit of the <paramref name="units"/> that lived during <paramref name="lived"/> (the period read), each
    /// over its own subtree (units without data are absent); the facts summed are those from <paramref name="from"/>
    /// to <paramref name="to"/>. With an <paramref name="indicator"/>, only its two counters are summed.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, FactCounts>> SumPerUnitOfLevelAsync(
        UnitsOfLevel units,
        (DateOnly First, DateOnly Last) lived,
        DateOnly from,
        DateOnly to,
        string? indicator,
        CancellationToken ct
    )
    {
        var keys = new
        {
            units.ParentId,
            units.Level,
            units.Kind,
            FirstDay = lived.First,
            LastDay = lived.Last,
        };
        if (units.ParentId is not null || units.Level != ProvinceLevel)
        {
            return Merge(
                await QueryAsync(
                        units.ParentId is null ? ByLevelSql : ByUnitOfLevelSql,
                        indicator,
                        keys,
                        from,
                        to,
                        UnitIdOf,
                        ct
                    )
                    .ConfigureAwait(false)
            );
        }

        // The provinces of the whole tree: the roots' months held current in their rollup are read from it (one row
        // a day instead of one per unit and month), in the transaction that reads which months those are.
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        await using var transaction = await db.Dialect.BeginReadAsync(connection, ct).ConfigureAwait(false);
        var rolled = await RootDailyFacts.RollupMonths(connection, transaction, from, to, ct).ConfigureAwait(false);
        var rows = new List<(int, FactCounts)>();
        foreach (var (first, last, fromRollup) in Runs(from, to, rolled))
        {
            if (fromRollup)
            {
                rows.AddRange(
                    await ReadAsync(connection, transaction, WithSums(RootsOfLevelSql, indicator), keys, first, last)
                        .ConfigureAwait(false)
                );
            }

            rows.AddRange(
                await SumSplitAsync(
                        connection,
                        transaction,
                        WithSums(fromRollup ? ByLevelBelowRootsSql : ByLevelSql, indicator),
                        keys,
                        first,
                        last,
                        UnitIdOf,
                        ct
                    )
                    .ConfigureAwait(false)
            );
        }

        return Merge(rows);

        Task<List<(int, FactCounts)>> ReadAsync(
            DbConnection connection,
            DbTransaction transaction,
            string sql,
            object keys,
            DateOnly first,
            DateOnly last
        ) => RunAsync(connection, transaction, sql, keys, first, last, UnitIdOf, ct);
    }

    /// <summary>The counts of every unit's own dossiers (units without data are absent): what a reading in another
    /// structure regroups.</summary>
    public async Task<IReadOnlyDictionary<int, FactCounts>> SumPerUnitAsync(
        DateOnly from,
        DateOnly to,
        CancellationToken ct,
        string? indicator = null
    ) => Merge(await QueryAsync(PerUnitSql, indicator, new { }, from, to, UnitIdOf, ct).ConfigureAwait(false));

    /// <summary>Every unit, each over its subtree (units without data are absent).</summary>
    public async Task<IReadOnlyDictionary<int, FactCounts>> SumEveryUnitAsync(
        DateOnly from,
        DateOnly to,
        string? indicator,
        CancellationToken ct
    ) => Merge(await QueryAsync(EveryUnitSql, indicator, new { }, from, to, UnitIdOf, ct).ConfigureAwait(false));

    /// <summary>The counts of each day with data, over the subtree or the unit's own dossiers (one indicator's
    /// counters, or all). A root's subtree is read from <c>root_daily_facts</c> for the months it holds current (see
    /// <see cref="RootDailyFacts"/>), from <c>daily_facts</c> for the others, in one read transaction.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, FactCounts>> DailyAsync(
        int unitId,
        bool subtree,
        DateOnly from,
        DateOnly to,
        string? indicator,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var shape = subtree
            ? await connection
                .ExecuteScalarAsync<long>(
                    new CommandDefinition(ShapeSql, new { UnitId = unitId }, cancellationToken: ct)
                )
                .ConfigureAwait(false)
            : -1;

        // A root's months come from two tables, read in one transaction so that both see one state.
        await using var transaction =
            shape == 2 ? await db.Dialect.BeginReadAsync(connection, ct).ConfigureAwait(false) : null;
        var days = new Dictionary<DateOnly, FactCounts>();
        if (shape != 2)
        {
            await AddDaysAsync(
                    shape == 1 ? DailyWideSubtreeSql
                        : subtree ? DailySubtreeSql
                        : DailySelfSql,
                    from,
                    to
                )
                .ConfigureAwait(false);
            return days;
        }

        // A root: runs of months alike (held current in the rollup, or not) read from one table each.
        var rolled = await RootDailyFacts.RollupMonths(connection, transaction, from, to, ct).ConfigureAwait(false);
        foreach (var (first, last, fromRollup) in Runs(from, to, rolled))
        {
            await AddDaysAsync(fromRollup ? DailyRootSql : DailyWideSubtreeSql, first, last).ConfigureAwait(false);
        }

        return days;

        async Task AddDaysAsync(string template, DateOnly first, DateOnly last)
        {
            await using var reader = await connection
                .ExecuteReaderAsync(
                    new CommandDefinition(
                        WithSums(template, indicator),
                        new
                        {
                            UnitId = unitId,
                            From = first,
                            To = last,
                        },
                        transaction,
                        cancellationToken: ct
                    )
                )
                .ConfigureAwait(false);
            foreach (
                var (day, counts) in await FactReader
                    .ReadAsync((DbDataReader)reader, r => DapperTypeHandlers.ParseDate(r.GetValue(0)), ct)
                    .ConfigureAwait(false)
            )
            {
                days[day] = counts;
            }
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private async Task<List<(TKey Key, FactCounts Counts)>> QueryAsync<TKey>(
        string template,
        string? indicator,
        object keys,
        DateOnly from,
        DateOnly to,
        Func<DbDataReader, TKey> key,
        CancellationToken ct
    )
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        return await SumSplitAsync(connection, null, WithSums(template, indicator), keys, from, to, key, ct)
            .ConfigureAwait(false);
    }

    /// <summary>The statement's rows over <paramref name="from"/> … <paramref name="to"/>: its whole months from
    /// monthly_facts, the partial months around them from daily_facts.</summary>
    private static async Task<List<(TKey Key, FactCounts Counts)>> SumSplitAsync<TKey>(
        DbConnection connection,
        DbTransaction? transaction,
        string sql,
        object keys,
        DateOnly from,
        DateOnly to,
        Func<DbDataReader, TKey> key,
        CancellationToken ct
    )
    {
        var (months, days) = MonthSplit.Of(from, to);
        var rows = new List<(TKey, FactCounts)>();
        if (months is { } whole)
        {
            rows.AddRange(
                await RunAsync(
                        connection,
                        transaction,
                        sql.Replace("{facts}", "monthly_facts", StringComparison.Ordinal)
                            .Replace("{key}", "month", StringComparison.Ordinal),
                        keys,
                        whole.First,
                        whole.Last,
                        key,
                        ct
                    )
                    .ConfigureAwait(false)
            );
        }

        foreach (var (first, last) in days)
        {
            rows.AddRange(
                await RunAsync(
                        connection,
                        transaction,
                        sql.Replace("{facts}", "daily_facts", StringComparison.Ordinal)
                            .Replace("{key}", "day", StringComparison.Ordinal),
                        keys,
                        first,
                        last,
                        key,
                        ct
                    )
                    .ConfigureAwait(false)
            );
        }

        return rows;
    }

    private static async Task<List<(TKey, FactCounts)>> RunAsync<TKey>(
        DbConnection connection,
        DbTransaction? transaction,
        string sql,
        object keys,
        DateOnly first,
        DateOnly last,
        Func<DbDataReader, TKey> key,
        CancellationToken ct
    )
    {
        var parameters = new DynamicParameters(keys);
        parameters.Add("From", first);
        parameters.Add("To", last);
        await using var reader = await connection
            .ExecuteReaderAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        return await FactReader.ReadAsync((DbDataReader)reader, key, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// <paramref name="from"/> … <paramref name="to"/> cut into runs of months alike: each run's months all held
    /// current in the roots' rollup (<paramref name="rolled"/>), or none of them.
    /// </summary>
    private static List<(DateOnly First, DateOnly Last, bool FromRollup)> Runs(
        DateOnly from,
        DateOnly to,
        HashSet<DateOnly> rolled
    )
    {
        var runs = new List<(DateOnly, DateOnly, bool)>();
        var start = from;
        while (start <= to)
        {
            var month = new DateOnly(start.Year, start.Month, 1);
            var fromRollup = rolled.Contains(month);

            // A run outside the rollup ends before the next rolled month (the counts before a period begin in year
            // 1: no month by month walk); a rolled run, at its last rolled month in a row.
            var end = start;
            if (!fromRollup)
            {
                var later = rolled.Where(m => m > month).DefaultIfEmpty(DateOnly.MaxValue).Min();
                end = later == DateOnly.MaxValue || later > to ? to : later.AddMonths(-1);
            }
            else
            {
                for (var next = month.AddMonths(1); next <= to && rolled.Contains(next); next = next.AddMonths(1))
                {
                    end = next;
                }
            }

            end = Min(new DateOnly(end.Year, end.Month, 1).AddMonths(1).AddDays(-1), to);
            runs.Add((start, end, fromRollup));
            start = end.AddDays(1);
        }

        return runs;
    }

    private static int UnitIdOf(DbDataReader row) => Convert.ToInt32(row.GetValue(0), CultureInfo.InvariantCulture);

    private static Dictionary<TKey, FactCounts> Merge<TKey>(List<(TKey Key, FactCounts Counts)> rows)
        where TKey : notnull =>
        rows.GroupBy(r => r.Key)
            .ToDictionary(g => g.Key, g => g.Aggregate(default(FactCounts), (sum, r) => sum + r.Counts));

    /// <summary>The statement with the whitelisted sums of one indicator, or of every counter.</summary>
    private static string WithSums(string template, string? indicator) =>
        template.Replace(
            "{0}",
            indicator is not null && FactColumns.SumsOf.TryGetValue(indicator, out var sums) ? sums : FactColumns.Sums,
            StringComparison.Ordinal
        );
}
