using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.SqlServer;

/// <summary>
/// The statements of <see cref="SqlServerIngestionSession"/>: dossier lists and event ids as one JSON
/// parameter (OPENJSON), and one update-then-insert per table from the session's #temp tables.
/// </summary>
internal static class SqlServerIngestionSql
{
    public const string LockSql =
        "EXEC sp_getapplock @Resource = N'scorecard-ingestion', @LockMode = 'Exclusive', "
        + "@LockOwner = 'Transaction', @LockTimeout = 30000";

    public static readonly string LoadEventsSql = $"""
        SELECT {EventColumns.Select} FROM dossier_events
        INNER JOIN OPENJSON(@Keys) WITH (s varchar(64) '$[0]', c varchar(64) '$[1]') k ON k.s = source
            AND k.c = dossier_code
        """;

    public static readonly string LoadDossiersSql = $"""
        SELECT {DossierColumns.Table.Select} FROM dossiers
        INNER JOIN OPENJSON(@Keys) WITH (s varchar(64) '$[0]', c varchar(64) '$[1]') k ON k.s = source AND k.c = code
        """;

    /// <summary>
    /// Each announced [source, id] pair with its class (pairs the columns' collation holds equal share one)
    /// and whether the log holds it: the duplicate test of the row-by-row append, made once for the group.
    /// </summary>
    public const string ClassifyIdsSql = """
        SELECT CAST(j.[key] AS int) AS Position,
               CAST(DENSE_RANK() OVER (ORDER BY p.s, p.i) AS int) AS Class,
               CAST(CASE WHEN EXISTS (SELECT 1 FROM dossier_events e WHERE e.source = p.s
                   AND e.id = p.i) THEN 1 ELSE 0 END AS bit) AS Stored
        FROM OPENJSON(@Ids) j
        CROSS APPLY (SELECT CAST(JSON_VALUE(j.value, '$[0]') AS varchar(64)) AS s, CAST(JSON_VALUE(j.value,
            '$[1]') AS varchar(64)) AS i) p
        """;

    public const string LastSequenceSql = "SELECT ISNULL(MAX(seq), 0) FROM dossier_events";

    /// <summary>ORDER BY ord: SQL Server assigns the identity (seq) in that order, the order the session numbered
    /// them.</summary>
    public static readonly string InsertEventsSql = $"""
        INSERT INTO dossier_events ({EventColumns.Table.Names})
        SELECT {EventColumns.Table.Names} FROM #events ORDER BY ord;
        TRUNCATE TABLE #events;
        """;

    public static readonly string UpsertDossiersSql = $"""
        UPDATE d SET {DossierColumns.Table.UpdateFromStaged}
        FROM dossiers d INNER JOIN #dossiers s ON s.source = d.source AND s.code = d.code;
        INSERT INTO dossiers ({DossierColumns.Table.Names})
        SELECT {DossierColumns.Table.Names} FROM #dossiers s
        WHERE NOT EXISTS (SELECT 1 FROM dossiers d WHERE d.source = s.source AND d.code = s.code);
        TRUNCATE TABLE #dossiers;
        """;

    public static readonly string AddDayFactsSql = $"""
        UPDATE f SET {FactColumns.AddStaged}
        FROM daily_facts f INNER JOIN #day_facts s ON s.unit_id = f.unit_id AND s.day = f.day;
        INSERT INTO daily_facts ({FactColumns.Daily.Names})
        SELECT {FactColumns.Daily.Names} FROM #day_facts s
        WHERE NOT EXISTS (SELECT 1 FROM daily_facts f WHERE f.unit_id = s.unit_id AND f.day = s.day);
        DELETE FROM daily_facts
        WHERE {FactColumns.AllZero} AND EXISTS (SELECT 1 FROM #day_facts s WHERE s.unit_id = daily_facts.unit_id
            AND s.day = daily_facts.day);
        TRUNCATE TABLE #day_facts;
        """;

    public static readonly string AddMonthFactsSql = $"""
        UPDATE f SET {FactColumns.AddStaged}
        FROM monthly_facts f INNER JOIN #month_facts s ON s.unit_id = f.unit_id AND s.month = f.month;
        INSERT INTO monthly_facts ({FactColumns.Monthly.Names})
        SELECT {FactColumns.Monthly.Names} FROM #month_facts s
        WHERE NOT EXISTS (SELECT 1 FROM monthly_facts f WHERE f.unit_id = s.unit_id AND f.month = s.month);
        DELETE FROM monthly_facts
        WHERE {FactColumns.AllZero} AND EXISTS (SELECT 1 FROM #month_facts s WHERE s.unit_id = monthly_facts.unit_id
            AND s.month = monthly_facts.month);
        TRUNCATE TABLE #month_facts;
        """;

    /// <summary>
    /// <see cref="SqlServerDialect.MarkStaleSqlServerSql"/> for a set of months (distinct, as JSON): each mark's
    /// version is bumped once, or the mark inserted; the range locks keep two writers from inserting the same mark.
    /// </summary>
    public const string MarkMonthsSql = """
        UPDATE m SET version = m.version + 1
        FROM indicator_values_stale m WITH (UPDLOCK, SERIALIZABLE)
        WHERE m.month IN (SELECT CAST(j.value AS varchar(10)) FROM OPENJSON(@Months) j);
        INSERT INTO indicator_values_stale (month, version)
        SELECT CAST(j.value AS varchar(10)), 1 FROM OPENJSON(@Months) j
        WHERE NOT EXISTS (SELECT 1 FROM indicator_values_stale m WITH (UPDLOCK, SERIALIZABLE)
            WHERE m.month = CAST(j.value AS varchar(10)));
        """;

    public const string ClearProjectionsSql =
        "DELETE FROM monthly_facts; DELETE FROM daily_facts; DELETE FROM procedure_use; DELETE FROM procedure_reach; "
        + "DELETE FROM dossiers;";

    private static readonly string UsesJson =
        "OPENJSON(@Uses) WITH (unit_id int, level varchar(16), year int, procedure_id int, "
        + string.Join(", ", ProcedureUseColumns.Counters.Select(c => c + " bigint"))
        + ")";

    private const string SameUse =
        "s.unit_id = u.unit_id AND s.level = u.level AND s.year = u.year AND s.procedure_id = u.procedure_id";

    // The changes summed into every ancestor of the procedure's level (the unit itself included).
    private static readonly string ReachChanges = $"""
        SELECT c.ancestor_id AS unit_id, j.year AS year, j.procedure_id AS procedure_id,
               {string.Join(", ", ProcedureUseColumns.Counters.Select(c => $"SUM(j.{c}) AS {c}"))}
        FROM {UsesJson} j
            INNER JOIN unit_closure c ON c.descendant_id = j.unit_id
            INNER JOIN units a ON a.id = c.ancestor_id AND a.level = j.level
        GROUP BY c.ancestor_id, j.year, j.procedure_id
        """;

    /// <summary>Adds the changes given as a JSON array (one object per row, named by column) to procedure_use and
    /// drops the rows they bring back to zero.</summary>
    public static readonly string AddProcedureUseSql = $"""
        UPDATE u SET {ProcedureUseColumns.AddStaged}
        FROM procedure_use u INNER JOIN {UsesJson} s ON {SameUse};
        INSERT INTO procedure_use ({ProcedureUseColumns.Table.Names})
        SELECT {ProcedureUseColumns.Table.Names} FROM {UsesJson} s
        WHERE NOT EXISTS (SELECT 1 FROM procedure_use u WHERE {SameUse});
        DELETE u FROM procedure_use u
        WHERE {ProcedureUseColumns.AllZero} AND EXISTS (SELECT 1 FROM {UsesJson} s WHERE {SameUse});
        UPDATE u SET {ProcedureUseColumns.AddStaged}
        FROM procedure_reach u INNER JOIN ({ReachChanges}) s
            ON s.unit_id = u.unit_id AND s.year = u.year AND s.procedure_id = u.procedure_id;
        INSERT INTO procedure_reach (unit_id, year, procedure_id, {ProcedureUseColumns.Names})
        SELECT s.unit_id, s.year, s.procedure_id, {ProcedureUseColumns.Of("s")} FROM ({ReachChanges}) s
        WHERE NOT EXISTS (SELECT 1 FROM procedure_reach u
            WHERE s.unit_id = u.unit_id AND s.year = u.year AND s.procedure_id = u.procedure_id);
        DELETE u FROM procedure_reach u
        WHERE {ProcedureUseColumns.AllZero} AND EXISTS (SELECT 1 FROM ({ReachChanges}) s
            WHERE s.unit_id = u.unit_id AND s.year = u.year AND s.procedure_id = u.procedure_id);
        """;

    public static readonly string ReadAllEventsSql =
        $"SELECT {EventColumns.Select} FROM dossier_events ORDER BY source, dossier_code, at, seq";
}
