using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.Sqlite;

/// <summary>
/// The statements of <see cref="SqliteIngestionSession"/>: dossier lists passed as one JSON parameter
/// of [source, code] pairs (json_each), upserts in SQLite's dialect, and the writer's connection settings.
/// </summary>
internal static class SqliteIngestionSql
{
    public static readonly string LoadEventsSql = $"""
        SELECT {EventColumns.Select} FROM dossier_events
        WHERE (source, dossier_code) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]')
            FROM json_each(@Keys))
        """;

    public static readonly string LoadDossiersSql = $"""
        SELECT {DossierColumns.Table.Select} FROM dossiers
        WHERE (source, code) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@Keys))
        """;

    /// <summary>The event's columns, then its arrival sequence (the session numbers arrivals itself).</summary>
    public static readonly string AppendEventSql = $"""
        INSERT INTO dossier_events ({EventColumns.Table.Names}, seq) VALUES ({EventColumns.Table.Values}, @Seq)
        ON CONFLICT (source, id) DO NOTHING
        """;

    /// <summary>The log's last sequence and the projections' rewrite count, which the file keeps as its
    /// <c>user_version</c>.</summary>
    public const string PositionSql =
        "SELECT COALESCE(MAX(seq), 0), (SELECT user_version FROM pragma_user_version) FROM dossier_events";

    public static readonly string UpsertDossierSql = $"""
        INSERT INTO dossiers ({DossierColumns.Table.Names}) VALUES ({DossierColumns.Table.Values})
        ON CONFLICT (source, code) DO UPDATE SET {DossierColumns.Table.UpdateFromExcluded}
        """;

    public static readonly string AddFactsSql = $"""
        INSERT INTO daily_facts ({FactColumns.Daily.Names}) VALUES ({FactColumns.Daily.Values})
        ON CONFLICT (unit_id, day) DO UPDATE SET {FactColumns.AddExcluded("daily_facts")}
        """;

    public static readonly string DropEmptyFactsSql =
        $"DELETE FROM daily_facts WHERE unit_id = @UnitId AND day = @Day AND {FactColumns.AllZero}";

    public static readonly string AddMonthFactsSql = $"""
        INSERT INTO monthly_facts ({FactColumns.Monthly.Names}) VALUES ({FactColumns.Monthly.Values})
        ON CONFLICT (unit_id, month) DO UPDATE SET {FactColumns.AddExcluded("monthly_facts")}
        """;

    public static readonly string DropEmptyMonthFactsSql =
        $"DELETE FROM monthly_facts WHERE unit_id = @UnitId AND month = @Month AND {FactColumns.AllZero}";

    public static readonly string AddProcedureUseSql = $"""
        INSERT INTO procedure_use ({ProcedureUseColumns.Table.Names}) VALUES ({ProcedureUseColumns.Table.Values})
        ON CONFLICT (unit_id, level, year, procedure_id) DO UPDATE SET {ProcedureUseColumns.AddExcluded(
            "procedure_use"
        )}
        """;

    public static readonly string DropEmptyProcedureUseSql = $"""
        DELETE FROM procedure_use
        WHERE unit_id = @UnitId AND level = @Level AND year = @Year AND procedure_id = @ProcedureId
          AND {ProcedureUseColumns.AllZero}
        """;

    // The same change added to every ancestor of the procedure's level (the unit itself included); the parameters
    // come first in the row's column order, as the binder sets them by position.
    public static readonly string AddProcedureReachSql = $"""
        WITH k (unit_id, level, year, procedure_id, {ProcedureUseColumns.Names}) AS
            (VALUES ({ProcedureUseColumns.Table.Values}))
        INSERT INTO procedure_reach (unit_id, year, procedure_id, {ProcedureUseColumns.Names})
        SELECT c.ancestor_id, k.year, k.procedure_id, {ProcedureUseColumns.Of("k")}
        FROM k
            INNER JOIN unit_closure c ON c.descendant_id = k.unit_id
            INNER JOIN units a ON a.id = c.ancestor_id AND a.level = k.level
        WHERE 1 = 1
        ON CONFLICT (unit_id, year, procedure_id) DO UPDATE SET {ProcedureUseColumns.AddExcluded("procedure_reach")}
        """;

    public static readonly string DropEmptyProcedureReachSql = $"""
        WITH k (unit_id, level, year, procedure_id) AS (VALUES (@UnitId, @Level, @Year, @ProcedureId))
        DELETE FROM procedure_reach
        WHERE {ProcedureUseColumns.AllZero} AND EXISTS (
            SELECT 1 FROM k INNER JOIN unit_closure c ON c.descendant_id = k.unit_id
            WHERE c.ancestor_id = procedure_reach.unit_id AND k.year = procedure_reach.year
              AND k.procedure_id = procedure_reach.procedure_id)
        """;

    public static readonly string ReadAllEventsSql =
        $"SELECT {EventColumns.Select} FROM dossier_events ORDER BY source, dossier_code, at, seq";

    /// <summary>
    /// The writer keeps 64 MiB of pages in memory (SQLite's default is 2 MiB) and leaves WAL
    /// checkpoints to <see cref="SqliteCheckpointer"/>, so commits do not copy the log back inline.
    /// </summary>
    // synchronous = FULL: a commit is on disk before the 200, so an acknowledged batch survives power loss too.
    public const string WriterPragmasSql =
        "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = FULL;";

    /// <summary>The per-row statements with the parameter order their binders assume (for the tests that hold them to
    /// it).</summary>
    internal static IReadOnlyList<(string Sql, string[] Parameters)> BoundStatements { get; } =
    [
        (AppendEventSql, [.. EventColumns.Table.Parameters, "@Seq"]),
        (UpsertDossierSql, [.. DossierColumns.Table.Parameters]),
        (AddFactsSql, [.. FactColumns.Daily.Parameters]),
        (AddMonthFactsSql, [.. FactColumns.Monthly.Parameters]),
        (DropEmptyFactsSql, [.. FactColumns.Daily.Parameters.Take(2)]),
        (DropEmptyMonthFactsSql, [.. FactColumns.Monthly.Parameters.Take(2)]),
        (AddProcedureUseSql, [.. ProcedureUseColumns.Table.Parameters]),
        (DropEmptyProcedureUseSql, [.. ProcedureUseColumns.Table.Parameters.Take(4)]),
        (AddProcedureReachSql, [.. ProcedureUseColumns.Table.Parameters]),
        (DropEmptyProcedureReachSql, [.. ProcedureUseColumns.Table.Parameters.Take(4)]),
        (SqliteDialect.MarkStaleSqliteSql, ["@Month"]),
    ];
}
