using System.Data.Common;
using DbUp.Builder;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.Database;

/// <summary>
/// Everything that differs between the databases, in one place per database (<c>Sqlite/</c>,
/// <c>SqlServer/</c>): connections, the write path, the upserts and the migration engine. Code outside
/// those folders asks the dialect instead of testing the provider; SQL beside it is plain SQL both accept.
/// </summary>
public interface IDatabaseDialect
{
    DatabaseProvider Provider { get; }

    /// <summary>A new, closed connection.</summary>
    DbConnection CreateConnection(string connectionString);

    /// <summary>Readies a connection just opened (SQLite: its pragmas and the functions the feed SQL calls).</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="mapFile">SQLite: read the file through a memory map (false: through the connection's own page
    /// cache). Ignored elsewhere.</param>
    /// <param name="reads">The connection serves reads (SQLite: it waits for a busy file inside SQLite instead of
    /// being retried every 150 ms). Ignored elsewhere.</param>
    /// <param name="ct">Cancels the work.</param>
    Task PrepareAsync(DbConnection connection, bool mapFile, bool reads, CancellationToken ct);

    /// <summary>
    /// A transaction in which several reads see one state of the database. SQLite: a deferred one, which takes no
    /// write lock (its first read fixes the snapshot); the default one would take the writer's lock and make
    /// concurrent readers wait for each other.
    /// </summary>
    ValueTask<DbTransaction> BeginReadAsync(DbConnection connection, CancellationToken ct);

    /// <summary>
    /// The connection string of the feeds' reads, from the read-only one: the same database, and on SQLite a pool of
    /// its own, so that the feeds' unmapped connections and the portal's mapped ones are never handed to each other.
    /// </summary>
    string RowReadsConnectionString(string readOnlyConnectionString);

    /// <summary>
    /// Stops whatever the connection is running when <paramref name="ct"/> is cancelled, even inside one
    /// step of the database (SQLite: sqlite3_interrupt; SQL Server cancels commands by their token).
    /// Dispose the result when the connection's work is done.
    /// </summary>
    IDisposable InterruptOn(DbConnection connection, CancellationToken ct);

    /// <summary>True when the exception is the database reporting a statement stopped by <see
    /// cref="InterruptOn"/>.</summary>
    bool IsInterruption(Exception exception);

    /// <summary>
    /// True when the exception is the database refusing arithmetic the statement asked for: a result beyond its
    /// type (SQLite's <c>sum()</c> of integers past 64 bits; SQL Server's arithmetic overflow), a division by
    /// zero or an invalid floating point operation.
    /// </summary>
    bool IsArithmeticError(Exception exception);

    /// <summary>Insert a stale mark (<c>@Month</c>) or bump its version.</summary>
    string MarkStaleSql { get; }

    /// <summary>The size of the database's data files in bytes (one row, one column).</summary>
    string DatabaseSizeSql { get; }

    /// <summary>A page of audit entries (<c>Audit.AuditQuery</c>'s filter, at most <c>@Limit</c> rows, in id
    /// order).</summary>
    string AuditPageSql { get; }

    /// <summary>The stored events of the dossiers a sync request names (<c>@Source</c>, <c>@Codes</c> as one JSON
    /// array).</summary>
    string SyncedEventsSql { get; }

    /// <summary>The database's DbUp engine builder for the migrations.</summary>
    UpgradeEngineBuilder Migrations(string connectionString);

    /// <summary>Opens an ingestion transaction: the statements of the write path in this database's dialect.</summary>
    internal Task<IIngestionSession> OpenIngestionAsync(DbConnectionFactory db, CancellationToken ct);

    /// <summary>
    /// Writes a refresh's figures in this database's way (see <c>IndicatorValueStore.ReplaceAsync</c>).
    /// </summary>
    /// <returns>The number of indicator value rows written.</returns>
    internal Task<int> ReplaceFiguresAsync(DbConnectionFactory db, FigureReplacement replacement, CancellationToken ct);
}
