using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The statements of <see cref="SqliteIngestionSession"/>: dossier lists passed as one JSON parameter
/// of [source, code] pairs (json_each), upserts in SQLite's dialect, and the writer's connection settings.
/// </summary>
internal static class SqliteIngestionSql
{
    public const string LoadEventsSql = $"""
        SELECT {EventRow.Columns} FROM dossier_events
        WHERE (source, dossier_code) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@Keys))
        """;

    public const string LoadDossiersSql = $"""
        SELECT {DossierColumns.Select} FROM dossiers
        WHERE (source, code) IN (SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(@Keys))
        """;

    public const string AppendEventSql = """
        INSERT INTO dossier_events (source, id, dossier_code, type, at, procedure_code, unit_code, channel, due_at, digitised,
                                    population_db_used, fee_required, payment_method, amount, electronic_result, key_id,
                                    sender_scope, stored_at, seq)
        VALUES (@Source, @Id, @DossierCode, @Type, @At, @ProcedureCode, @UnitCode, @Channel, @DueAt, @Digitised,
                @PopulationDbUsed, @FeeRequired, @PaymentMethod, @Amount, @ElectronicResult, @KeyId, @SenderScope, @StoredAt, @Seq)
        ON CONFLICT (source, id) DO NOTHING
        """;

    public const string LastSequenceSql = "SELECT COALESCE(MAX(seq), 0) FROM dossier_events";

    public const string UpsertDossierSql = $"""
        INSERT INTO dossiers ({DossierColumns.Insert}) VALUES ({DossierColumns.Values})
        ON CONFLICT (source, code) DO UPDATE SET {DossierColumns.UpdateFromExcluded}
        """;

    public const string AddFactsSql = $"""
        INSERT INTO daily_facts (unit_id, day, {FactColumns.Names}) VALUES (@UnitId, @Day, {FactColumns.Values})
        ON CONFLICT (unit_id, day) DO UPDATE SET {FactColumns.AddExcluded}
        """;

    public const string DropEmptyFactsSql = $"DELETE FROM daily_facts WHERE unit_id = @UnitId AND day = @Day AND {FactColumns.AllZero}";

    public const string AddMonthFactsSql = $"""
        INSERT INTO monthly_facts (unit_id, month, {FactColumns.Names}) VALUES (@UnitId, @Day, {FactColumns.Values})
        ON CONFLICT (unit_id, month) DO UPDATE SET {FactColumns.AddExcludedMonthly}
        """;

    public const string DropEmptyMonthFactsSql = $"DELETE FROM monthly_facts WHERE unit_id = @UnitId AND month = @Day AND {FactColumns.AllZero}";

    public const string ReadAllEventsSql = $"SELECT {EventRow.Columns} FROM dossier_events ORDER BY source, dossier_code, at, seq";

    /// <summary>
    /// The writer keeps 64 MiB of pages in memory (SQLite's default is 2 MiB) and leaves WAL
    /// checkpoints to <see cref="SqliteCheckpointer"/>, so commits do not copy the log back inline.
    /// </summary>
    // synchronous = FULL: a commit is on disk before the 200, so an acknowledged batch survives power loss too.
    public const string WriterPragmasSql = "PRAGMA cache_size = -65536; PRAGMA wal_autocheckpoint = 0; PRAGMA synchronous = FULL;";

    /// <summary>The per-row statements with the parameter order their binders assume (for the tests that hold them to it).</summary>
    internal static IReadOnlyList<(string Sql, string[] Parameters)> BoundStatements { get; } =
    [
        (AppendEventSql, SqliteRowBinding.EventParameters),
        (UpsertDossierSql, SqliteRowBinding.DossierParameters),
        (AddFactsSql, SqliteRowBinding.FactParameters),
        (AddMonthFactsSql, SqliteRowBinding.FactParameters),
        (DropEmptyFactsSql, SqliteRowBinding.FactParameters[..2]),
        (DropEmptyMonthFactsSql, SqliteRowBinding.FactParameters[..2]),
        (StaleMarks.MarkSqliteSql, ["@Month"]),
    ];
}
