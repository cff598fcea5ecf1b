using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.Sqlite;

/// <summary>The embedded database: one file, WAL, a single writer; every SQLite-only statement lives in this
/// folder.</summary>
internal sealed class SqliteDialect : IDatabaseDialect
{
    /// <summary>The stored events of the dossiers a sync request names: the codes travel as one JSON array.</summary>
    internal static readonly string SyncedEventsSqliteSql = $"""
        SELECT {Scorecard.Infrastructure.Ingestion.EventColumns.Select} FROM dossier_events
        WHERE source = @Source AND dossier_code IN (SELECT value FROM json_each(@Codes))
        """;

    public static readonly SqliteDialect Instance = new();

    /// <summary>
    /// A reading connection that finds the file busy (a read that begins while a writer updates the log's index)
    /// waits inside SQLite, retrying within a millisecond or a few, for up to a second. Without it SQLite answers
    /// "busy" at once and Microsoft.Data.Sqlite retries every 150 ms: reads slowed by exactly that showed up in the
    /// portal benchmark as single requests of 150 ms among 10 ms ones. Writing connections keep the 150 ms retries:
    /// with the wait on every connection, events were written at a median of 16,233 events/s over 11 runs against
    /// 17,519 over 5 with it on reads only (BENCHMARKS.md), and nothing showed the wait helping a writer.
    /// </summary>
    private const string ReadsWait = " PRAGMA busy_timeout = 1000;";

    private const string WritesRetry = " PRAGMA busy_timeout = 0;";

    /// <summary>
    /// Reads go through a memory map of the file (up to 1 GiB), so every pooled connection shares
    /// the operating system's page cache instead of filling a small cache of its own.
    /// </summary>
    public const string PerConnectionPragmas = "PRAGMA mmap_size = 1073741824;";

    /// <summary>
    /// A feed's reads go through the connection's own small page cache instead. They touch many pages once (rows
    /// of a page in key order, a count, the pages of an export), and a page's first touch through a connection's
    /// map costs a page fault, several times a read into the cache: a filtered first page took 9.1-9.6 ms at the
    /// median mapped against 3.0-4.2 unmapped (BENCHMARKS.md). The portal's reads come back to the same pages of
    /// the facts, where the map is faster.
    /// </summary>
    public const string UnmappedPragmas = "PRAGMA mmap_size = 0;";

    /// <summary>Insert the mark or bump its version.</summary>
    public const string MarkStaleSqliteSql = """
        INSERT INTO indicator_values_stale (month, version) VALUES (@Month, 1)
        ON CONFLICT (month) DO UPDATE SET version = indicator_values_stale.version + 1
        """;

    /// <summary>A page of audit entries: SQLite limits rows with LIMIT.</summary>
    public const string AuditPageSqliteSql =
        $"SELECT {AuditQuery.Columns} FROM audit_entries a {AuditQuery.Where} ORDER BY a.id LIMIT @Limit";

    /// <summary>The pages of the main file (the write-ahead log is folded into it at each checkpoint).</summary>
    public const string DatabaseSizeSqliteSql =
        "SELECT c.page_count * s.page_size FROM pragma_page_count() c, pragma_page_size() s";

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string DatabaseSizeSql => DatabaseSizeSqliteSql;

    public string MarkStaleSql => MarkStaleSqliteSql;

    public string AuditPageSql => AuditPageSqliteSql;

    string IDatabaseDialect.SyncedEventsSql => SyncedEventsSqliteSql;

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    /// <summary>
    /// Its pragmas, and the functions the feed SQL calls, registered on every connection since any
    /// connection may run feed SQL: <c>lower</c> and <c>upper</c> over the full Unicode tables (SQLite's
    /// own fold ASCII only, and Vietnamese names need more), <c>scorecard_floor</c> and
    /// <c>scorecard_ceiling</c> (SQLite has no floor or ceiling built in before 3.44).
    /// </summary>
    public async Task PrepareAsync(DbConnection connection, bool mapFile, bool reads, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)connection;
        sqlite.CreateFunction("lower", (string? s) => s?.ToLowerInvariant(), isDeterministic: true);
        sqlite.CreateFunction("upper", (string? s) => s?.ToUpperInvariant(), isDeterministic: true);
        sqlite.CreateFunction(
            "scorecard_floor",
            (double? v) => v is { } x ? Math.Floor(x) : (double?)null,
            isDeterministic: true
        );
        sqlite.CreateFunction(
            "scorecard_ceiling",
            (double? v) => v is { } x ? Math.Ceiling(x) : (double?)null,
            isDeterministic: true
        );
        await using var pragma = sqlite.CreateCommand();
        pragma.CommandText = (mapFile ? PerConnectionPragmas : UnmappedPragmas) + (reads ? ReadsWait : WritesRetry);
        await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    public UpgradeEngineBuilder Migrations(string connectionString) =>
        DeployChanges.To.SqliteDatabase(connectionString);

    public ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken ct) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: true));

    /// <summary>SQLITE_INTERRUPT (9): the statement was stopped by <see cref="InterruptOn"/>.</summary>
    public bool IsInterruption(Exception exception) => exception is SqliteException { SqliteErrorCode: 9 };

    /// <summary>SQLITE_ERROR (1) from <c>sum()</c> past 64 bits; other integer arithmetic that overflows turns into a
    /// real number instead, and the reader refuses it where an integer is due.</summary>
    public bool IsArithmeticError(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 1 } sqlite
        && sqlite.Message.Contains("integer overflow", StringComparison.Ordinal);

    /// <summary>
    /// Microsoft.Data.Sqlite pools connections by their connection string, and a pooled connection keeps its memory
    /// map setting: the feeds' string differs from the read-only one by one second more of busy timeout (readers
    /// of a WAL file do not wait on the writer), which gives their unmapped connections a pool of their own. A
    /// connection moved between the two would lose its map, or rebuild it page fault by page fault.
    /// </summary>
    public string RowReadsConnectionString(string readOnlyConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(readOnlyConnectionString);
        builder.DefaultTimeout++;
        return builder.ToString();
    }

    /// <summary>
    /// Microsoft.Data.Sqlite checks a command's token only between rows, so a statement that works long
    /// before its first row (a large scan or sort) would run on; sqlite3_interrupt stops it inside the step.
    /// </summary>
    /// <remarks>
    /// The database handle is read when the limit fires, not when the connection opens: once this connection
    /// is closed its handle goes back to the pool and may be running another request's statement, and a closed
    /// connection has no handle, so a late limit interrupts nothing.
    /// </remarks>
    public IDisposable InterruptOn(DbConnection connection, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)connection;
        return ct.Register(() =>
        {
            if (sqlite.State == System.Data.ConnectionState.Open && sqlite.Handle is { } handle)
            {
                SQLitePCL.raw.sqlite3_interrupt(handle);
            }
        });
    }

    Task<IIngestionSession> IDatabaseDialect.OpenIngestionAsync(DbConnectionFactory db, CancellationToken ct) =>
        SqliteIngestionSession.OpenAsync(db, ct);

    Task<int> IDatabaseDialect.ReplaceFiguresAsync(
        DbConnectionFactory db,
        FigureReplacement replacement,
        CancellationToken ct
    ) => SqliteFigureMerges.ReplaceAsync(db, replacement, ct);
}
