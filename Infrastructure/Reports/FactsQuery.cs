using Dapper;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.Reports;

/// <summary>
/// Sums of daily_facts over units' subtrees and day ranges: the counts every portal route divides.
/// Each statement is plain SQL that SQLite and SQL Server both accept; days are Vietnam dates.
/// </summary>
public sealed class FactsQuery(DbConnectionFactory db)
{
    private const string SubtreeSql = $"""
        SELECT {FactColumns.Sums}
        FROM unit_closure c INNER JOIN daily_facts f ON f.unit_id = c.descendant_id
        WHERE c.ancestor_id = @UnitId AND f.day >= @From AND f.day <= @To
        """;

    private const string SelfSql = $"""
        SELECT {FactColumns.Sums}
        FROM daily_facts f
        WHERE f.unit_id = @UnitId AND f.day >= @From AND f.day <= @To
        """;

    private const string ByHandlerLevelSql = $"""
        SELECT u.level AS Level, {FactColumns.Sums}
        FROM unit_closure c INNER JOIN daily_facts f ON f.unit_id = c.descendant_id INNER JOIN units u ON u.id = f.unit_id
        WHERE c.ancestor_id = @UnitId AND f.day >= @From AND f.day <= @To
        GROUP BY u.level
        """;

    private const string ByUnitOfLevelSql = $"""
        SELECT a.id AS UnitId, {FactColumns.Sums}
        FROM unit_closure top
            INNER JOIN units a ON a.id = top.descendant_id AND a.level = @Level
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN daily_facts f ON f.unit_id = c.descendant_id
        WHERE top.ancestor_id = @ParentId AND f.day >= @From AND f.day <= @To
        GROUP BY a.id
        """;

    private const string DailySubtreeSql = $"""
        SELECT f.day AS Day, {FactColumns.Sums}
        FROM unit_closure c INNER JOIN daily_facts f ON f.unit_id = c.descendant_id
        WHERE c.ancestor_id = @UnitId AND f.day >= @From AND f.day <= @To
        GROUP BY f.day
        """;

    private const string DailySelfSql = $"""
        SELECT f.day AS Day, {FactColumns.Sums}
        FROM daily_facts f
        WHERE f.unit_id = @UnitId AND f.day >= @From AND f.day <= @To
        GROUP BY f.day
        """;

    /// <summary>The unit's counts over its subtree, or over its own dossiers only.</summary>
    public async Task<FactCounts> SumAsync(int unitId, bool subtree, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleAsync<FactSums>(new CommandDefinition(
            subtree ? SubtreeSql : SelfSql, new { UnitId = unitId, From = from, To = to }, cancellationToken: ct)).ConfigureAwait(false);
        return row.ToCounts();
    }

    /// <summary>The subtree's counts grouped by the level of the unit that handled each dossier.</summary>
    public async Task<IReadOnlyDictionary<string, FactCounts>> SumByHandlerLevelAsync(int unitId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FactSums>(new CommandDefinition(
            ByHandlerLevelSql, new { UnitId = unitId, From = from, To = to }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Level!, r => r.ToCounts(), StringComparer.Ordinal);
    }

    /// <summary>Every unit of <paramref name="level"/> under <paramref name="parentId"/>, each over its own subtree (units without data are absent).</summary>
    public async Task<IReadOnlyDictionary<int, FactCounts>> SumPerUnitOfLevelAsync(int parentId, string level, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FactSums>(new CommandDefinition(
            ByUnitOfLevelSql, new { ParentId = parentId, Level = level, From = from, To = to }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.UnitId, r => r.ToCounts());
    }

    /// <summary>The counts of each day with data, over the subtree or the unit's own dossiers.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, FactCounts>> DailyAsync(int unitId, bool subtree, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<FactSums>(new CommandDefinition(
            subtree ? DailySubtreeSql : DailySelfSql, new { UnitId = unitId, From = from, To = to }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Day!.Value, r => r.ToCounts());
    }

    private sealed class FactSums
    {
        public int UnitId { get; init; }
        public string? Level { get; init; }
        public DateOnly? Day { get; init; }
        public long? Received { get; init; }
        public long? Digitised { get; init; }
        public long? OnlineEligible { get; init; }
        public long? Online { get; init; }
        public long? FeeRequired { get; init; }
        public long? PaidOnline { get; init; }
        public long? PersonApplicant { get; init; }
        public long? PopulationDbUsed { get; init; }
        public long? Violations { get; init; }
        public long? Finished { get; init; }
        public long? FinishedOnTime { get; init; }
        public long? ResolvedOrReturned { get; init; }
        public long? ElectronicResult { get; init; }

        public FactCounts ToCounts() => new(
            Received ?? 0, Digitised ?? 0, OnlineEligible ?? 0, Online ?? 0, FeeRequired ?? 0, PaidOnline ?? 0, PersonApplicant ?? 0,
            PopulationDbUsed ?? 0, Violations ?? 0, Finished ?? 0, FinishedOnTime ?? 0, ResolvedOrReturned ?? 0, ElectronicResult ?? 0);
    }
}
