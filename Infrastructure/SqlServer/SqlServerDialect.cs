using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.SqlClient;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.SqlServer;

/// <summary>The production database: writers of several instances take turns under an application lock; writes go in
/// sets.</summary>
internal sealed class SqlServerDialect : IDatabaseDialect
{
    /// <summary>The stored events of the dossiers a sync request names: the codes travel as one JSON array.</summary>
    internal static readonly string SyncedEventsSql = $"""
        SELECT {Scorecard.Infrastructure.Ingestion.EventColumns.Select} FROM dossier_events
        WHERE source = @Source AND dossier_code IN (SELECT value FROM OPENJSON(@Codes))
        """;

    public static readonly SqlServerDialect Instance = new();

    /// <summary>Bump the mark's version or insert it; the range lock keeps two writers from inserting the same
    /// mark.</summary>
    public const string MarkStaleSqlServerSql = """
        UPDATE indicator_values_stale WITH (UPDLOCK, SERIALIZABLE) SET version = version + 1 WHERE month = @Month;
        IF @@ROWCOUNT = 0
            INSERT INTO indicator_values_stale (month, version) VALUES (@Month, 1);
        """;

    /// <summary>A page of audit entries: SQL Server limits rows with TOP.</summary>
    public const string AuditPageSqlServerSql =
        $"SELECT TOP (@Limit) {AuditQuery.Columns} FROM audit_entries a {AuditQuery.Where} ORDER BY a.id";

    /// <summary>The data and log files, allocated size (8 KiB pages).</summary>
    public const string DatabaseSizeSqlServerSql = "SELECT SUM(CAST(size AS bigint)) * 8192 FROM sys.database_files";

    public DatabaseProvider Provider => DatabaseProvider.SqlServer;

    public string DatabaseSizeSql => DatabaseSizeSqlServerSql;

    public string MarkStaleSql => MarkStaleSqlServerSql;

    public string AuditPageSql => AuditPageSqlServerSql;

    string IDatabaseDialect.SyncedEventsSql => SyncedEventsSql;

    public DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public Task PrepareAsync(DbConnection connection, bool mapFile, bool reads, CancellationToken ct) =>
        Task.CompletedTask;

    public string RowReadsConnectionString(string readOnlyConnectionString) => readOnlyConnectionString;

    public UpgradeEngineBuilder Migrations(string connectionString) => DeployChanges.To.SqlDatabase(connectionString);

    public ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken ct) =>
        connection.BeginTransactionAsync(ct);

    /// <summary>A cancelled command surfaces as an OperationCanceledException, handled by the caller.</summary>
    public bool IsInterruption(Exception exception) => false;

    /// <summary>Arithmetic overflow (8115, 220, 232), date overflow (517), division by zero (8134), invalid floating
    /// point operation (3623).</summary>
    public bool IsArithmeticError(Exception exception) =>
        exception is SqlException { Number: 8115 or 220 or 232 or 517 or 8134 or 3623 };

    /// <summary>SqlClient cancels a running command when the token passed with it is cancelled; nothing more to
    /// do.</summary>
    public IDisposable InterruptOn(DbConnection connection, CancellationToken ct) => EmptyDisposable.Instance;

    private sealed class EmptyDisposable : IDisposable
    {
        public static readonly EmptyDisposable Instance = new();

        public void Dispose() { }
    }

    Task<IIngestionSession> IDatabaseDialect.OpenIngestionAsync(DbConnectionFactory db, CancellationToken ct) =>
        SqlServerIngestionSession.OpenAsync(db, ct);

    Task<int> IDatabaseDialect.ReplaceFiguresAsync(
        DbConnectionFactory db,
        FigureReplacement replacement,
        CancellationToken ct
    ) => SqlServerIndicatorValueReplace.ReplaceFiguresAsync(db, replacement, ct);
}
