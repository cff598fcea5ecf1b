using Dapper;
using Scorecard.Domain.Time;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Facts;

namespace Scorecard.Infrastructure.Reports;

/// <summary>
/// The numerators of the indicators that count procedures by their dossiers (README "Definitions"): of the
/// procedures of a unit's level, how many had a dossier received in the period in the unit's subtree that was
/// paid online (3.5b, procedures with a fee) or used the population database (4.5a, procedures open to
/// citizens). Their denominators come from the procedure catalogue. The whole months of a period are read from
/// procedure_reach (a unit's subtree, procedures of its level) or procedure_use (each unit's own dossiers: the
/// pairs a reading in another structure regroups; <see cref="ProcedureUseColumns"/>), the days of a partial month
/// from the dossiers.
/// </summary>
public sealed class ProcedureReachQuery(DbConnectionFactory db)
{
    private const string Counts = """
        COUNT(DISTINCT CASE WHEN x.HasFee = 1 AND x.Paid > 0 THEN x.ProcedureId END) AS PaidOnline,
        COUNT(DISTINCT CASE WHEN x.Person = 1 AND x.Population > 0 THEN x.ProcedureId END) AS PopulationDb
        """;

    private const string DossierPopulation =
        "CASE WHEN d.population_db_used = 1 OR d.vneid_authenticated = 1 THEN 1 ELSE 0 END";

    private const string OneUnit = "units a";

    // Placeholders for the sums of a row's months in the period (<see cref="MonthSums"/>).
    private const string Paid = "{paid}";
    private const string Population = "{population}";

    // Only the units valid for a day of the period: a unit takes no dossier outside its life.
    private const string UnitsUnderParent = $"""
        unit_closure pc INNER JOIN units a ON a.id = pc.descendant_id
            AND {UnitsOfLevel.LevelFilter} AND {UnitsOfLevel.LivedFilter}
        """;

    private static readonly string OneUnitSql = PerAncestor(OneUnit, "a.id = @UnitId");

    private static readonly string UnitsOfLevelSql = PerAncestor(UnitsUnderParent, "pc.ancestor_id = @ParentId");

    private static readonly string LevelSql = PerAncestor(
        OneUnit,
        $"{UnitsOfLevel.LevelFilter} AND {UnitsOfLevel.LivedFilter}"
    );

    private static readonly string EveryUnitSql = PerAncestor(OneUnit, "1 = 1");

    private static readonly string OneUnitOfYearSql = PerAncestorOfYear(OneUnit, "a.id = @UnitId");

    private static readonly string UnitsOfLevelOfYearSql = PerAncestorOfYear(
        UnitsUnderParent,
        "pc.ancestor_id = @ParentId"
    );

    private static readonly string LevelOfYearSql = PerAncestorOfYear(
        OneUnit,
        $"{UnitsOfLevel.LevelFilter} AND {UnitsOfLevel.LivedFilter}"
    );

    private static readonly string EveryUnitOfYearSql = PerAncestorOfYear(OneUnit, "1 = 1");

    // Whole months of one year: procedure_use holds one row per unit, level and procedure, so nothing to group.
    private static readonly string PairsOfYearSql = $"""
        SELECT u.unit_id AS UnitId, u.procedure_id AS ProcedureId, u.level AS Level,
               CASE WHEN p.has_fee = 1 AND ({Paid}) > 0 THEN 1 ELSE 0 END AS PaidOnline,
               CASE WHEN p.person_applicant = 1 AND ({Population}) > 0 THEN 1 ELSE 0 END AS PopulationDb
        FROM procedure_use u INNER JOIN procedures p ON p.id = u.procedure_id
        WHERE u.year = @FromYear
          AND ((p.has_fee = 1 AND ({Paid}) > 0) OR (p.person_applicant = 1 AND ({Population}) > 0))
        """;

    private static readonly string PairsSql = $"""
        SELECT x.UnitId AS UnitId, x.ProcedureId AS ProcedureId, x.Level AS Level,
               MAX(CASE WHEN x.HasFee = 1 AND x.Paid > 0 THEN 1 ELSE 0 END) AS PaidOnline,
               MAX(CASE WHEN x.Person = 1 AND x.Population > 0 THEN 1 ELSE 0 END) AS PopulationDb
        FROM (
            SELECT u.unit_id AS UnitId, u.procedure_id AS ProcedureId, u.level AS Level, p.has_fee AS HasFee,
                   p.person_applicant AS Person, {Paid} AS Paid, {Population} AS Population
            FROM procedure_use u INNER JOIN procedures p ON p.id = u.procedure_id
            WHERE u.year >= @FromYear AND u.year <= @ToYear
            {PairEdge(1)}
            {PairEdge(2)}
        ) x
        GROUP BY x.UnitId, x.ProcedureId, x.Level
        HAVING MAX(CASE WHEN x.HasFee = 1 AND x.Paid > 0 THEN 1 ELSE 0 END) = 1
            OR MAX(CASE WHEN x.Person = 1 AND x.Population > 0 THEN 1 ELSE 0 END) = 1
        """;

    // One piece of a unit's holdings in another structure: a whole subtree read from procedure_reach (@ReachId, a
    // unit of the procedures' level) or from its units' procedure_use (@SubtreeId), or one unit's own dossiers
    // (@SingleId); the unused ones are -1, which no unit has.
    private static readonly string PieceSql = $"""
        SELECT x.ProcedureId AS ProcedureId,
               MAX(CASE WHEN x.HasFee = 1 AND x.Paid > 0 THEN 1 ELSE 0 END) AS PaidOnline,
               MAX(CASE WHEN x.Person = 1 AND x.Population > 0 THEN 1 ELSE 0 END) AS PopulationDb
        FROM (
            SELECT u.procedure_id AS ProcedureId, p.has_fee AS HasFee, p.person_applicant AS Person,
                   {Paid} AS Paid, {Population} AS Population
            FROM procedure_reach u INNER JOIN procedures p ON p.id = u.procedure_id
            WHERE u.unit_id = @ReachId AND u.year >= @FromYear AND u.year <= @ToYear
            UNION ALL
            SELECT u.procedure_id, p.has_fee, p.person_applicant, {Paid}, {Population}
            FROM unit_closure c
                INNER JOIN procedure_use u ON u.unit_id = c.descendant_id
                INNER JOIN procedures p ON p.id = u.procedure_id
            WHERE c.ancestor_id = @SubtreeId AND u.level = @Level AND u.year >= @FromYear AND u.year <= @ToYear
            UNION ALL
            SELECT u.procedure_id, p.has_fee, p.person_applicant, {Paid}, {Population}
            FROM procedure_use u INNER JOIN procedures p ON p.id = u.procedure_id
            WHERE u.unit_id = @SingleId AND u.level = @Level AND u.year >= @FromYear AND u.year <= @ToYear
            {PieceEdge(1)}
            {PieceEdge(2)}
        ) x
        GROUP BY x.ProcedureId
        HAVING MAX(CASE WHEN x.HasFee = 1 AND x.Paid > 0 THEN 1 ELSE 0 END) = 1
            OR MAX(CASE WHEN x.Person = 1 AND x.Population > 0 THEN 1 ELSE 0 END) = 1
        """;

    /// <summary>
    /// One unit of another structure over what it holds (<c>UnitHolders.HeldCover</c>): the procedures of
    /// <paramref name="level"/> with a dossier received in the period in the subtrees of <paramref name="subtrees"/>
    /// or at <paramref name="singles"/> that was paid online or used the population database, each counted once.
    /// </summary>
    public async Task<ProcedureReach> OverCoverAsync(
        IReadOnlyList<(int Id, string Level)> subtrees,
        IReadOnlyList<int> singles,
        string level,
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(subtrees);
        ArgumentNullException.ThrowIfNull(singles);
        var sql = Fill(PieceSql, start, end);
        var pieces = subtrees
            .Select(s => s.Level == level ? (s.Id, -1, -1) : (-1, s.Id, -1))
            .Concat(singles.Select(id => (-1, -1, id)));
        var paid = new HashSet<int>();
        var population = new HashSet<int>();
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        foreach (var (reachId, subtreeId, singleId) in pieces)
        {
            var parameters = Window(
                new
                {
                    ReachId = reachId,
                    SubtreeId = subtreeId,
                    SingleId = singleId,
                    Level = level,
                },
                start,
                end
            );
            var rows = await connection
                .QueryAsync<PieceRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))
                .ConfigureAwait(false);
            foreach (var row in rows)
            {
                if (row.PaidOnline == 1)
                {
                    paid.Add(row.ProcedureId);
                }

                if (row.PopulationDb == 1)
                {
                    population.Add(row.ProcedureId);
                }
            }
        }

        return new ProcedureReach(paid.Count, population.Count);
    }

    /// <summary>
    /// Each unit and procedure with a dossier received in the period that was paid online or used the population
    /// database: what a reading in another structure regroups (distinct procedures do not add up, so the pairs
    /// are read, not counts).
    /// </summary>
    public async Task<IReadOnlyList<ProcedureUse>> PairsAsync(
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken ct
    )
    {
        // Read row by row into the pairs (a national year holds millions), each level's name held once.
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var pairs = new List<ProcedureUse>();
        var levels = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (
            var r in connection
                .QueryUnbufferedAsync<PairRow>(
                    Fill(WholeMonthsOfOneYear(start, end) ? PairsOfYearSql : PairsSql, start, end),
                    Window(new { }, start, end)
                )
                .WithCancellation(ct)
                .ConfigureAwait(false)
        )
        {
            if (!levels.TryGetValue(r.Level, out var level))
            {
                levels[r.Level] = level = r.Level;
            }

            pairs.Add(new ProcedureUse(r.UnitId, r.ProcedureId, level, r.PaidOnline == 1, r.PopulationDb == 1));
        }

        return pairs;
    }

    /// <summary>One unit over its subtree.</summary>
    public async Task<ProcedureReach> ForUnitAsync(
        int unitId,
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken ct
    ) =>
        (
            await QueryAsync(
                    Pick(OneUnitSql, OneUnitOfYearSql, start, end),
                    Window(new { UnitId = unitId }, start, end),
                    ct
                )
                .ConfigureAwait(false)
        ).GetValueOrDefault(unitId);

    /// <summary>Every unit of the <paramref name="units"/> valid during the period, each over its subtree.</summary>
    public Task<Dictionary<int, ProcedureReach>> PerUnitOfLevelAsync(
        UnitsOfLevel units,
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken ct
    ) =>
        QueryAsync(
            units.ParentId is null
                ? Pick(LevelSql, LevelOfYearSql, start, end)
                : Pick(UnitsOfLevelSql, UnitsOfLevelOfYearSql, start, end),
            Window(units, start, end),
            ct
        );

    /// <summary>Every unit, each over its subtree (units with no such procedure are absent).</summary>
    public Task<Dictionary<int, ProcedureReach>> EveryUnitAsync(
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken ct
    ) => QueryAsync(Pick(EveryUnitSql, EveryUnitOfYearSql, start, end), Window(new { }, start, end), ct);

    /// <summary>The statement for the period, filled: <paramref name="ofYear"/> when its whole months lie in one
    /// year, else <paramref name="general"/>.</summary>
    private static string Pick(string general, string ofYear, DateTimeOffset start, DateTimeOffset end) =>
        Fill(WholeMonthsOfOneYear(start, end) ? ofYear : general, start, end);

    private static bool WholeMonthsOfOneYear(DateTimeOffset start, DateTimeOffset end)
    {
        var (first, last) = MonthSplit.Days(start, end);
        var (months, days) = MonthSplit.Of(first, last);
        return days.Count == 0 && months is { } m && m.First.Year == m.Last.Year;
    }

    /// <summary>
    /// The statement with the sums of a row's months in the period: the period's columns when its whole months lie in
    /// one year (the common case: fewer terms per row), else every month tested against <c>@FromMonth</c> …
    /// <c>@ToMonth</c>. Column names only come from <see cref="ProcedureUseColumns"/>.
    /// </summary>
    private static string Fill(string sql, DateTimeOffset start, DateTimeOffset end)
    {
        var (months, _) = MonthSplit.Of(VietnamTime.DateOf(start), VietnamTime.DateOf(end).AddDays(-1));
        var sameYear = months is { } m && m.First.Year == m.Last.Year;
        return sql.Replace(
                Paid,
                sameYear
                    ? ProcedureUseColumns.Sum(paid: true, months!.Value.First.Month, months.Value.Last.Month)
                    : ProcedureUseColumns.InMonths(paid: true),
                StringComparison.Ordinal
            )
            .Replace(
                Population,
                sameYear
                    ? ProcedureUseColumns.Sum(paid: false, months!.Value.First.Month, months.Value.Last.Month)
                    : ProcedureUseColumns.InMonths(paid: false),
                StringComparison.Ordinal
            );
    }

    /// <summary>
    /// The statement over every ancestor <c>a</c> that <paramref name="ancestors"/> and <paramref name="filter"/>
    /// select, each over its subtree's procedures of its own level.
    /// </summary>
    private static string PerAncestor(string ancestors, string filter) =>
        $"""
            SELECT x.UnitId AS UnitId, {Counts}
            FROM (
                SELECT a.id AS UnitId, u.procedure_id AS ProcedureId, p.has_fee AS HasFee, p.person_applicant AS Person,
                       {Paid} AS Paid, {Population} AS Population
                FROM {ancestors}
                    INNER JOIN procedure_reach u ON u.unit_id = a.id
                    INNER JOIN procedures p ON p.id = u.procedure_id
                WHERE {filter} AND u.year >= @FromYear AND u.year <= @ToYear
                {AncestorEdge(ancestors, filter, 1)}
                {AncestorEdge(ancestors, filter, 2)}
            ) x
            GROUP BY x.UnitId
            """;

    /// <summary>
    /// <see cref="PerAncestor"/> for whole months of one year (<c>@FromYear</c> = <c>@ToYear</c>), the common case:
    /// each ancestor's rows of <c>procedure_reach</c> are one per procedure, so the distinct procedures are its rows
    /// that qualify, counted as they are read in the ancestor's key order, without the union, the distinct sets or the
    /// sort. The year stays a range as in the general statement: as an equality, SQLite without statistics read the
    /// whole of <c>procedure_reach</c> first (the 34 provinces ranked nationally: 29.6 ms at the median, then 420).
    /// </summary>
    private static string PerAncestorOfYear(string ancestors, string filter) =>
        $"""
            SELECT a.id AS UnitId,
                   SUM(CASE WHEN p.has_fee = 1 AND ({Paid}) > 0 THEN 1 ELSE 0 END) AS PaidOnline,
                   SUM(CASE WHEN p.person_applicant = 1 AND ({Population}) > 0 THEN 1 ELSE 0 END) AS PopulationDb
            FROM {ancestors}
                INNER JOIN procedure_reach u ON u.unit_id = a.id
                INNER JOIN procedures p ON p.id = u.procedure_id
            WHERE {filter} AND u.year >= @FromYear AND u.year <= @ToYear
            GROUP BY a.id
            """;

    private static string AncestorEdge(string ancestors, string filter, int edge) =>
        $"""
            UNION ALL
            SELECT a.id, d.procedure_id, p.has_fee, p.person_applicant, d.paid_online, {DossierPopulation}
            FROM {ancestors}
                INNER JOIN unit_closure c ON c.ancestor_id = a.id
                INNER JOIN dossiers d ON d.unit_id = c.descendant_id AND d.procedure_level = a.level
                INNER JOIN procedures p ON p.id = d.procedure_id
            WHERE {filter} AND d.received_at >= @Edge{edge}Start AND d.received_at < @Edge{edge}End
            """;

    private static string PieceEdge(int edge) =>
        $"""
            UNION ALL
            SELECT d.procedure_id, p.has_fee, p.person_applicant, d.paid_online, {DossierPopulation}
            FROM unit_closure c
                INNER JOIN dossiers d ON d.unit_id = c.descendant_id AND d.procedure_level = @Level
                INNER JOIN procedures p ON p.id = d.procedure_id
            WHERE c.ancestor_id IN (@ReachId, @SubtreeId)
              AND d.received_at >= @Edge{edge}Start AND d.received_at < @Edge{edge}End
            UNION ALL
            SELECT d.procedure_id, p.has_fee, p.person_applicant, d.paid_online, {DossierPopulation}
            FROM dossiers d INNER JOIN procedures p ON p.id = d.procedure_id
            WHERE d.unit_id = @SingleId AND d.procedure_level = @Level
              AND d.received_at >= @Edge{edge}Start AND d.received_at < @Edge{edge}End
            """;

    private static string PairEdge(int edge) =>
        $"""
            UNION ALL
            SELECT d.unit_id, d.procedure_id, d.procedure_level, p.has_fee, p.person_applicant, d.paid_online,
                   {DossierPopulation}
            FROM dossiers d INNER JOIN procedures p ON p.id = d.procedure_id
            WHERE d.received_at >= @Edge{edge}Start AND d.received_at < @Edge{edge}End
            """;

    /// <summary>
    /// The keys with the period's whole months (<c>@FromMonth</c> … <c>@ToMonth</c>, each year × 100 + month, in
    /// <c>@FromYear</c> … <c>@ToYear</c>) and the instants of at most two partial months around them (an absent
    /// edge is an empty range). Periods begin and end at Vietnam midnights.
    /// </summary>
    private static DynamicParameters Window(object keys, DateTimeOffset start, DateTimeOffset end)
    {
        var (first, last) = MonthSplit.Days(start, end);
        var (months, days) = MonthSplit.Of(first, last);
        var parameters = new DynamicParameters(keys);
        parameters.Add("FirstDay", first);
        parameters.Add("LastDay", last);
        parameters.Add("FromYear", months?.First.Year ?? 1);
        parameters.Add("ToYear", months?.Last.Year ?? 0);
        parameters.Add("FromMonth", months is { } m ? (m.First.Year * 100) + m.First.Month : 1);
        parameters.Add("ToMonth", months is { } n ? (n.Last.Year * 100) + n.Last.Month : 0);
        for (var edge = 1; edge <= 2; edge++)
        {
            var range = edge <= days.Count ? days[edge - 1] : (From: first, To: first.AddDays(-1));
            parameters.Add($"Edge{edge}Start", VietnamTime.StartOf(range.From));
            parameters.Add($"Edge{edge}End", VietnamTime.StartOf(range.To.AddDays(1)));
        }

        return parameters;
    }

    private async Task<Dictionary<int, ProcedureReach>> QueryAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<ReachRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))
            .ConfigureAwait(false);
        return rows.Where(r => r.PaidOnline + r.PopulationDb > 0)
            .ToDictionary(r => r.UnitId, r => new ProcedureReach(r.PaidOnline, r.PopulationDb));
    }

    private sealed class PairRow
    {
        public int UnitId { get; init; }
        public int ProcedureId { get; init; }
        public string Level { get; init; } = "";
        public long PaidOnline { get; init; }
        public long PopulationDb { get; init; }
    }

    private sealed class PieceRow
    {
        public int ProcedureId { get; init; }
        public long PaidOnline { get; init; }
        public long PopulationDb { get; init; }
    }

    private sealed class ReachRow
    {
        public int UnitId { get; init; }
        public long PaidOnline { get; init; }
        public long PopulationDb { get; init; }
    }
}

/// <summary>How many procedures of a unit's level had a dossier paid online, and how many a dossier that used the
/// population database, in a period.</summary>
public readonly record struct ProcedureReach(long PaidOnline, long PopulationDb);

/// <summary>A unit's dossiers of one procedure (of <paramref name="Level"/>) in a period: whether one was paid online,
/// whether one used the population database.</summary>
public readonly record struct ProcedureUse(
    int UnitId,
    int ProcedureId,
    string Level,
    bool PaidOnline,
    bool PopulationDb
);
