using Dapper;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Reports;

/// <summary>
/// The numerators of the indicators that count procedures by their dossiers (README "Definitions"): of the
/// procedures of a unit's level, how many had a dossier received in the period in the unit's subtree that was
/// paid online (3.5b, procedures with a fee) or used the population database (4.5a, procedures open to
/// citizens). Their denominators come from the procedure catalogue.
/// </summary>
public sealed class ProcedureReachQuery(DbConnectionFactory db)
{
    private const string Counts = """
        COUNT(DISTINCT CASE WHEN p.has_fee = 1 AND d.paid_online = 1 THEN d.procedure_id END) AS PaidOnline,
        COUNT(DISTINCT CASE WHEN p.person_applicant = 1 AND (d.population_db_used = 1 OR d.vneid_authenticated = 1)
                            THEN d.procedure_id END) AS PopulationDb
        """;

    private const string InPeriod = "d.received_at >= @Start AND d.received_at < @End AND p.level = a.level";

    private const string OneUnitSql = $"""
        SELECT a.id AS UnitId, {Counts}
        FROM units a
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN dossiers d ON d.unit_id = c.descendant_id
            INNER JOIN procedures p ON p.id = d.procedure_id
        WHERE a.id = @UnitId AND {InPeriod}
        GROUP BY a.id
        """;

    private const string UnitsOfLevelSql = $"""
        SELECT a.id AS UnitId, {Counts}
        FROM unit_closure pc
            INNER JOIN units a ON a.id = pc.descendant_id AND a.level = @Level
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN dossiers d ON d.unit_id = c.descendant_id
            INNER JOIN procedures p ON p.id = d.procedure_id
        WHERE pc.ancestor_id = @ParentId AND {InPeriod}
        GROUP BY a.id
        """;

    private const string EveryUnitSql = $"""
        SELECT a.id AS UnitId, {Counts}
        FROM units a
            INNER JOIN unit_closure c ON c.ancestor_id = a.id
            INNER JOIN dossiers d ON d.unit_id = c.descendant_id
            INNER JOIN procedures p ON p.id = d.procedure_id
        WHERE {InPeriod}
        GROUP BY a.id
        """;

    private const string PairsSql = """
        SELECT d.unit_id AS UnitId, d.procedure_id AS ProcedureId, p.level AS Level,
               MAX(CASE WHEN p.has_fee = 1 AND d.paid_online = 1 THEN 1 ELSE 0 END) AS PaidOnline,
               MAX(CASE WHEN p.person_applicant = 1 AND (d.population_db_used = 1 OR d.vneid_authenticated = 1)
                        THEN 1 ELSE 0 END) AS PopulationDb
        FROM dossiers d INNER JOIN procedures p ON p.id = d.procedure_id
        WHERE d.received_at >= @Start AND d.received_at < @End
          AND ((p.has_fee = 1 AND d.paid_online = 1)
               OR (p.person_applicant = 1 AND (d.population_db_used = 1 OR d.vneid_authenticated = 1)))
        GROUP BY d.unit_id, d.procedure_id, p.level
        """;

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
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<PairRow>(
                new CommandDefinition(PairsSql, new { Start = start, End = end }, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        return
        [
            .. rows.Select(r => new ProcedureUse(
                r.UnitId,
                r.ProcedureId,
                r.Level,
                r.PaidOnline == 1,
                r.PopulationDb == 1
            )),
        ];
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
                    OneUnitSql,
                    new
                    {
                        UnitId = unitId,
                        Start = start,
                        End = end,
                    },
                    ct
                )
                .ConfigureAwait(false)
        ).GetValueOrDefault(unitId);

    /// <summary>Every unit of <paramref name="level"/> under <paramref name="parentId"/>, each over its
    /// subtree.</summary>
    public Task<Dictionary<int, ProcedureReach>> PerUnitOfLevelAsync(
        int parentId,
        string level,
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken ct
    ) =>
        QueryAsync(
            UnitsOfLevelSql,
            new
            {
                ParentId = parentId,
                Level = level,
                Start = start,
                End = end,
            },
            ct
        );

    /// <summary>Every unit, each over its subtree (units with no such dossier are absent).</summary>
    public Task<Dictionary<int, ProcedureReach>> EveryUnitAsync(
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken ct
    ) => QueryAsync(EveryUnitSql, new { Start = start, End = end }, ct);

    private async Task<Dictionary<int, ProcedureReach>> QueryAsync(string sql, object parameters, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<ReachRow>(new CommandDefinition(sql, parameters, cancellationToken: ct))
            .ConfigureAwait(false);
        return rows.ToDictionary(r => r.UnitId, r => new ProcedureReach(r.PaidOnline, r.PopulationDb));
    }

    private sealed class PairRow
    {
        public int UnitId { get; init; }
        public int ProcedureId { get; init; }
        public string Level { get; init; } = "";
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
