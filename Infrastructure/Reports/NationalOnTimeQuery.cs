using Dapper;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Facts;

namespace Scorecard.Infrastructure.Reports;

/// <summary>
/// The national portal's on-time rule (README "Definitions", on-time), the figure
/// <c>DossierContributions.NationalOnTime</c> gives each dossier, summed from the facts tables. Denominator:
/// dossiers received in P, plus those received before P and not ended when it began (withdrawn and refused
/// ones included). Numerator: of those, the ones that ended in P in time, and the ones not ended by P's end
/// that are in time then: at most one supplement request and the deadline not passed. The counters summed
/// over the days before P and over P's days give all of it for a period that is over; while P runs, open
/// dossiers are judged now, and the ones late now are counted from the dossiers (few: open and past their
/// deadline). Periods begin and end at Vietnam midnights.
/// </summary>
public sealed class NationalOnTimeQuery(DbConnectionFactory db)
{
    private const string Counters = FactColumns.NationalOnTime;

    // Open at the period's end (or ended after it, which a clock ahead of ours can record), at most one
    // supplement request, deadline passed now: both halves read ix_dossiers_late.
    private const string LateOpen = """
        SELECT d.unit_id AS unit_id FROM dossiers d
        WHERE d.ended_at IS NULL AND d.due_at < @At AND d.supplement_count <= 1 AND d.received_at < @End
        UNION ALL
        SELECT d.unit_id AS unit_id FROM dossiers d
        WHERE d.ended_at >= @End AND d.ended_at > d.due_at AND d.due_at < @At AND d.supplement_count <= 1
          AND d.received_at < @End
        """;

    private const string LateSelfSql =
        $"SELECT 0 AS UnitId, COUNT(*) AS Late FROM ({LateOpen}) o WHERE o.unit_id = @UnitId";

    private const string LateSubtreeSql = $"""
        SELECT 0 AS UnitId, COUNT(*) AS Late
        FROM unit_closure c INNER JOIN ({LateOpen}) o ON o.unit_id = c.descendant_id
        WHERE c.ancestor_id = @UnitId
        """;

    private const string LateByHandlerLevelSql = $"""
        SELECT u.level AS Level, COUNT(*) AS Late
        FROM unit_closure c INNER JOIN ({LateOpen}) o ON o.unit_id = c.descendant_id
            INNER JOIN units u ON u.id = o.unit_id
        WHERE c.ancestor_id = @UnitId
        GROUP BY u.level
        """;

    private const string LatePerUnitOfLevelSql = $"""
        SELECT a.id AS UnitId, COUNT(*) AS Late
        FROM unit_closure pc
            INNER JOIN units a ON a.id = pc.descendant_id AND {UnitsOfLevel.LevelFilter}
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN ({LateOpen}) o ON o.unit_id = c.descendant_id
        WHERE pc.ancestor_id = @ParentId
        GROUP BY a.id
        """;

    private const string LatePerLevelSql = $"""
        SELECT a.id AS UnitId, COUNT(*) AS Late
        FROM units a
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN ({LateOpen}) o ON o.unit_id = c.descendant_id
        WHERE {UnitsOfLevel.LevelFilter}
        GROUP BY a.id
        """;

    private const string LatePerUnitSql =
        $"SELECT o.unit_id AS UnitId, COUNT(*) AS Late FROM ({LateOpen}) o GROUP BY o.unit_id";

    private const string LateEveryUnitSql = $"""
        SELECT c.ancestor_id AS UnitId, COUNT(*) AS Late
        FROM unit_closure c INNER JOIN ({LateOpen}) o ON o.unit_id = c.descendant_id
        GROUP BY c.ancestor_id
        """;

    private readonly FactsQuery facts = new(db);

    /// <summary>The subtree's figure grouped by the level of the unit that handled each dossier.</summary>
    public async Task<IReadOnlyDictionary<string, Ratio>> ByHandlerLevelAsync(
        int unitId,
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        var (first, last) = MonthSplit.Days(start, end);
        var before = await facts
            .SumByHandlerLevelAsync(unitId, DateOnly.MinValue, first.AddDays(-1), ct, Counters)
            .ConfigureAwait(false);
        var within = await facts.SumByHandlerLevelAsync(unitId, first, last, ct, Counters).ConfigureAwait(false);
        var late = await LateAsync(LateByHandlerLevelSql, new { UnitId = unitId }, end, asOf, r => r.Level!, ct)
            .ConfigureAwait(false);
        return Figures(before, within, late);
    }

    public async Task<Ratio> ForUnitAsync(
        int unitId,
        bool subtree,
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        var (first, last) = MonthSplit.Days(start, end);
        var before = await SumAsync(unitId, subtree, DateOnly.MinValue, first.AddDays(-1), ct).ConfigureAwait(false);
        var within = await SumAsync(unitId, subtree, first, last, ct).ConfigureAwait(false);
        var late = await LateAsync(
                subtree ? LateSubtreeSql : LateSelfSql,
                new { UnitId = unitId },
                end,
                asOf,
                r => r.UnitId,
                ct
            )
            .ConfigureAwait(false);
        return FactCounts.NationalOnTime(before, within, late?.GetValueOrDefault(0));
    }

    /// <summary>Every unit of the <paramref name="units"/>, each over its subtree (see <see
    /// cref="AtOnceAsync"/>).</summary>
    /// <param name="within">The units' counts of the period when the caller has read them already (every counter
    /// summed, as <see cref="FactsQuery.SumPerUnitOfLevelAsync"/> does without an indicator); null reads them.</param>
    public Task<IReadOnlyDictionary<int, Ratio>> PerUnitOfLevelAsync(
        UnitsOfLevel units,
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct,
        Task<IReadOnlyDictionary<int, FactCounts>>? within = null
    )
    {
        var lived = MonthSplit.Days(start, end);
        return AtOnceAsync(
            (from, to) => facts.SumPerUnitOfLevelAsync(units, lived, from, to, Counters, ct),
            (units.ParentId is null ? LatePerLevelSql : LatePerUnitOfLevelSql, units),
            (start, end, asOf),
            within,
            ct
        );
    }

    /// <summary>
    /// The figure of every point of a series, from the counts before the first point and those of each day up to
    /// the last (a point still running also reads its late open dossiers).
    /// </summary>
    public async Task<IReadOnlyList<Ratio>> SeriesAsync(
        int unitId,
        bool subtree,
        IReadOnlyList<Period> points,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
        {
            return [];
        }

        var window = MonthSplit.Days(points.Min(p => p.Start), points.Max(p => p.End));
        var before = await SumAsync(unitId, subtree, DateOnly.MinValue, window.First.AddDays(-1), ct)
            .ConfigureAwait(false);
        var days = await facts
            .DailyAsync(unitId, subtree, window.First, window.Last, Counters, ct)
            .ConfigureAwait(false);

        // through[i]: the counts of every day before window.First + i.
        var span = window.Last.DayNumber - window.First.DayNumber + 2;
        var through = new FactCounts[span];
        through[0] = before;
        for (var i = 1; i < span; i++)
        {
            through[i] = through[i - 1] + days.GetValueOrDefault(window.First.AddDays(i - 1));
        }

        var ratios = new List<Ratio>(points.Count);
        foreach (var point in points)
        {
            var (from, to) = MonthSplit.Days(point.Start, point.End);
            var prior = through[from.DayNumber - window.First.DayNumber];
            var within = through[to.DayNumber - window.First.DayNumber + 1] + -prior;
            var late = await LateAsync(
                    subtree ? LateSubtreeSql : LateSelfSql,
                    new { UnitId = unitId },
                    point.End,
                    asOf,
                    r => r.UnitId,
                    ct
                )
                .ConfigureAwait(false);
            ratios.Add(FactCounts.NationalOnTime(prior, within, late?.GetValueOrDefault(0)));
        }

        return ratios;
    }

    /// <summary>Every unit's own dossiers (units without any in the window are absent; see <see
    /// cref="AtOnceAsync"/>).</summary>
    /// <param name="within">Every unit's own counts of the period when the caller has read them already (every
    /// counter summed, as <see cref="FactsQuery.SumPerUnitAsync"/> does without an indicator); null reads
    /// them.</param>
    public Task<IReadOnlyDictionary<int, Ratio>> PerUnitAsync(
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct,
        Task<IReadOnlyDictionary<int, FactCounts>>? within = null
    ) =>
        AtOnceAsync(
            (from, to) => facts.SumPerUnitAsync(from, to, ct, Counters),
            (LatePerUnitSql, new { }),
            (start, end, asOf),
            within,
            ct
        );

    /// <summary>
    /// The figure of each unit from its counts before the period (<paramref name="sum"/> from the first day), its
    /// counts within it (<paramref name="within"/>, else <paramref name="sum"/> over the period) and its late open
    /// dossiers (<paramref name="late"/>'s statement and keys), the three read at once on their own connections:
    /// SQLite's reads complete synchronously, so the period's and the late reads go to other threads while this one
    /// reads the counts before the period.
    /// </summary>
    private async Task<IReadOnlyDictionary<int, Ratio>> AtOnceAsync(
        Func<DateOnly, DateOnly, Task<IReadOnlyDictionary<int, FactCounts>>> sum,
        (string Sql, object Keys) late,
        (DateTimeOffset Start, DateTimeOffset End, DateTimeOffset AsOf) window,
        Task<IReadOnlyDictionary<int, FactCounts>>? within,
        CancellationToken ct
    )
    {
        var (first, last) = MonthSplit.Days(window.Start, window.End);
        within ??= Task.Run(() => sum(first, last), ct);
        var lateOpen = Task.Run(() => LateAsync(late.Sql, late.Keys, window.End, window.AsOf, r => r.UnitId, ct), ct);
        var before = sum(DateOnly.MinValue, first.AddDays(-1));
        await Task.WhenAll(before, within, lateOpen).ConfigureAwait(false);
        return Figures(
            await before.ConfigureAwait(false),
            await within.ConfigureAwait(false),
            await lateOpen.ConfigureAwait(false)
        );
    }

    /// <summary>Every unit, each over its subtree (units without dossiers in the window are absent).</summary>
    public async Task<IReadOnlyDictionary<int, Ratio>> EveryUnitAsync(
        DateTimeOffset start,
        DateTimeOffset end,
        DateTimeOffset asOf,
        CancellationToken ct
    )
    {
        var (first, last) = MonthSplit.Days(start, end);
        var before = await facts
            .SumEveryUnitAsync(DateOnly.MinValue, first.AddDays(-1), Counters, ct)
            .ConfigureAwait(false);
        var within = await facts.SumEveryUnitAsync(first, last, Counters, ct).ConfigureAwait(false);
        var late = await LateAsync(LateEveryUnitSql, new { }, end, asOf, r => r.UnitId, ct).ConfigureAwait(false);
        return Figures(before, within, late);
    }

    /// <summary>The figure of each key with a dossier in the window (received before its end, not ended before its
    /// start).</summary>
    private static Dictionary<TKey, Ratio> Figures<TKey>(
        IReadOnlyDictionary<TKey, FactCounts> before,
        IReadOnlyDictionary<TKey, FactCounts> within,
        IReadOnlyDictionary<TKey, long>? late
    )
        where TKey : notnull
    {
        var figures = new Dictionary<TKey, Ratio>();
        foreach (var key in before.Keys.Union(within.Keys))
        {
            var ratio = FactCounts.NationalOnTime(
                before.GetValueOrDefault(key),
                within.GetValueOrDefault(key),
                late is null ? null : late.GetValueOrDefault(key)
            );
            if (ratio.Denominator != 0)
            {
                figures[key] = ratio;
            }
        }

        return figures;
    }

    private async Task<FactCounts> SumAsync(
        int unitId,
        bool subtree,
        DateOnly from,
        DateOnly to,
        CancellationToken ct
    ) =>
        subtree
            ? (
                await facts.SumByHandlerLevelAsync(unitId, from, to, ct, Counters).ConfigureAwait(false)
            ).Values.Aggregate(default(FactCounts), FactCounts.Add)
            : await facts.SumSelfAsync(unitId, from, to, ct, Counters).ConfigureAwait(false);

    /// <summary>
    /// Open dossiers late now, per key, while the period runs (<paramref name="asOf"/> before its end); null when it
    /// is over (they are then counted from the facts).
    /// </summary>
    private async Task<IReadOnlyDictionary<TKey, long>?> LateAsync<TKey>(
        string sql,
        object keys,
        DateTimeOffset end,
        DateTimeOffset asOf,
        Func<LateRow, TKey> key,
        CancellationToken ct
    )
        where TKey : notnull
    {
        if (asOf >= end)
        {
            return null;
        }

        var parameters = new DynamicParameters(keys);
        parameters.Add("End", end);
        parameters.Add("At", asOf);
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<LateRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))
            .ConfigureAwait(false);
        return rows.ToDictionary(key, r => r.Late);
    }

    private sealed class LateRow
    {
        public int UnitId { get; init; }
        public string? Level { get; init; }
        public long Late { get; init; }
    }
}
