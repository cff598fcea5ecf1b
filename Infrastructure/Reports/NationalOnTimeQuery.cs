using Dapper;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Reports;

/// <summary>
/// The national portal's on-time rule over stored dossiers (README "Indicators"), the SQL twin of
/// <c>DossierContributions.NationalOnTime</c>. Denominator: dossiers received in P, plus those received
/// before P and not ended when it began (withdrawn and refused ones included). Numerator: of those, the
/// ones that ended in P in time, and the ones not ended by P's end (or now, while P runs) that are in
/// time then: at most one supplement request and the deadline not passed.
/// </summary>
public sealed class NationalOnTimeQuery(DbConnectionFactory db)
{
    private const string Counts = """
        SUM(CASE WHEN (d.ended_at IS NOT NULL AND d.ended_at < @End AND d.ended_in_time = 1)
                   OR ((d.ended_at IS NULL OR d.ended_at >= @End) AND d.supplement_count <= 1 AND (d.due_at IS NULL
                       OR d.due_at >= @At))
                 THEN 1 ELSE 0 END) AS Numerator,
        COUNT(*) AS Denominator
        """;

    private const string InPeriod = """
        d.received_at < @End AND (d.received_at >= @Start OR d.ended_at IS NULL OR d.ended_at >= @Start)
        """;

    private const string SubtreeSql = $"""
        SELECT {Counts}
        FROM unit_closure c INNER JOIN dossiers d ON d.unit_id = c.descendant_id
        WHERE c.ancestor_id = @UnitId AND {InPeriod}
        """;

    private const string SelfSql = $"SELECT {Counts} FROM dossiers d WHERE d.unit_id = @UnitId AND {InPeriod}";

    private const string PerUnitOfLevelSql = $"""
        SELECT a.id AS UnitId, {Counts}
        FROM unit_closure pc
            INNER JOIN units a ON a.id = pc.descendant_id AND a.level = @Level
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN dossiers d ON d.unit_id = c.descendant_id
        WHERE pc.ancestor_id = @ParentId AND {InPeriod}
        GROUP BY a.id
        """;

    private const string PerUnitSql = $"""
        SELECT d.unit_id AS UnitId, {Counts}
        FROM dossiers d
        WHERE {InPeriod}
        GROUP BY d.unit_id
        """;

    private const string EveryUnitSql = $"""
        SELECT c.ancestor_id AS UnitId, {Counts}
        FROM unit_closure c INNER JOIN dossiers d ON d.unit_id = c.descendant_id
        WHERE {InPeriod}
        GROUP BY c.ancestor_id
        """;

    private const string SeriesColumns = """
        d.received_at AS ReceivedAt, d.ended_at AS EndedAt, d.ended_in_time AS EndedInTime,
        d.supplement_count AS SupplementCount, d.due_at AS DueAt
        """;

    private const string SeriesWindow = "d.received_at < @End AND (d.ended_at IS NULL OR d.ended_at >= @Start)";

    private const string SubtreeSeriesSql = $"""
        SELECT {SeriesColumns}
        FROM unit_closure c INNER JOIN dossiers d ON d.unit_id = c.descendant_id
        WHERE c.ancestor_id = @UnitId AND {SeriesWindow}
        """;

    private const string SelfSeriesSql =
        $"SELECT {SeriesColumns} FROM dossiers d WHERE d.unit_id = @UnitId AND {SeriesWindow}";

    private const string ByHandlerLevelSql = $"""
        SELECT u.level AS Level, {Counts}
        FROM unit_closure c INNER JOIN dossiers d ON d.unit_id = c.descendant_id INNER JOIN units u ON u.id = d.unit_id
        WHERE c.ancestor_id = @UnitId AND {InPeriod}
        GROUP BY u.level
        """;

    /// <summary>The subtree's figure grouped by the level of the unit that handled each dossier.</summary>
    public async Task<IReadOnlyDictionary<string, Ratio>> ByHandlerLevelAsync(
        int unitId,
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct
    ) =>
        (
            await QueryAsync(ByHandlerLevelSql, Window(new { UnitId = unitId }, start, end, asOf), ct)
                .ConfigureAwait(false)
        ).ToDictionary(r => r.Level!, r => r.Ratio, StringComparer.Ordinal);

    public async Task<Ratio> ForUnitAsync(
        int unitId,
        bool subtree,
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct
    ) =>
        (
            await QueryAsync(subtree ? SubtreeSql : SelfSql, Window(new { UnitId = unitId }, start, end, asOf), ct)
                .ConfigureAwait(false)
        )
            .Single()
            .Ratio;

    /// <summary>Every unit of <paramref name="level"/> under <paramref name="parentId"/>, each over its
    /// subtree.</summary>
    public async Task<IReadOnlyDictionary<int, Ratio>> PerUnitOfLevelAsync(
        int parentId,
        string level,
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct
    ) =>
        (
            await QueryAsync(
                    PerUnitOfLevelSql,
                    Window(new { ParentId = parentId, Level = level }, start, end, asOf),
                    ct
                )
                .ConfigureAwait(false)
        ).ToDictionary(r => r.UnitId, r => r.Ratio);

    /// <summary>
    /// The figure of every point of a series, from one streamed read of the dossiers that can count in any of them
    /// (received before the last point ends, not ended before the first begins).
    /// </summary>
    public async Task<IReadOnlyList<Ratio>> SeriesAsync(
        int unitId,
        bool subtree,
        IReadOnlyList<Period> points,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        var series = new NationalOnTimeSeries(points, asOf);
        var parameters = new
        {
            UnitId = unitId,
            Start = points[0].Start,
            End = points[^1].End,
        };
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        await foreach (
            var row in connection
                .QueryUnbufferedAsync<SeriesRow>(subtree ? SubtreeSeriesSql : SelfSeriesSql, parameters)
                .WithCancellation(ct)
                .ConfigureAwait(false)
        )
        {
            series.Add(row.ReceivedAt, row.EndedAt, row.EndedInTime == true, row.SupplementCount, row.DueAt);
        }

        return series.Ratios();
    }

    /// <summary>Every unit's own dossiers (units without any in the window are absent).</summary>
    public async Task<IReadOnlyDictionary<int, Ratio>> PerUnitAsync(
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct
    ) =>
        (await QueryAsync(PerUnitSql, Window(new { }, start, end, asOf), ct).ConfigureAwait(false)).ToDictionary(
            r => r.UnitId,
            r => r.Ratio
        );

    /// <summary>Every unit, each over its subtree (units without dossiers in the window are absent).</summary>
    public async Task<IReadOnlyDictionary<int, Ratio>> EveryUnitAsync(
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct
    ) =>
        (await QueryAsync(EveryUnitSql, Window(new { }, start, end, asOf), ct).ConfigureAwait(false)).ToDictionary(
            r => r.UnitId,
            r => r.Ratio
        );

    /// <summary>The keys with the period (start, end) and the instant open dossiers are judged at (its end, or now
    /// while it runs).</summary>
    private static DynamicParameters Window(object keys, DateTimeOffset start, DateTimeOffset end, DateTimeOffset asOf)
    {
        var parameters = new DynamicParameters(keys);
        parameters.Add("Start", start);
        parameters.Add("End", end);
        parameters.Add("At", asOf < end ? asOf : end);
        return parameters;
    }

    private async Task<List<RatioRow>> QueryAsync(string sql, DynamicParameters parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        return
        [
            .. await connection
                .QueryAsync<RatioRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))
                .ConfigureAwait(false),
        ];
    }

    private sealed class SeriesRow
    {
        public DateTimeOffset ReceivedAt { get; init; }
        public DateTimeOffset? EndedAt { get; init; }
        public bool? EndedInTime { get; init; }
        public int SupplementCount { get; init; }
        public DateTimeOffset? DueAt { get; init; }
    }

    private sealed class RatioRow
    {
        public int UnitId { get; init; }
        public string? Level { get; init; }
        public long? Numerator { get; init; }
        public long? Denominator { get; init; }

        public Ratio Ratio => new(Numerator ?? 0, Denominator ?? 0);
    }
}
