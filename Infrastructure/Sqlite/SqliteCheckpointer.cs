using Dapper;
using Microsoft.Extensions.Logging;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Sqlite;

/// <summary>
/// Copies the SQLite write-ahead log back into the database file on a thread of its own, at most
/// once per <see cref="Interval"/>, so the event writer's commits never wait for it. A passive
/// checkpoint never blocks readers or the writer; what it cannot copy yet, the next one does.
/// </summary>
public sealed partial class SqliteCheckpointer(
    DbConnectionFactory db,
    TimeProvider clock,
    ILogger<SqliteCheckpointer> logger
)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private int running;
    private long lastTicks;

    /// <summary>Starts a checkpoint in the background unless one ran recently or is running.</summary>
    public void Nudge()
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (
            db.Provider != DatabaseProvider.Sqlite
            || now - Interlocked.Read(ref lastTicks) < Interval.Ticks
            || Interlocked.Exchange(ref running, 1) == 1
        )
        {
            return;
        }

        Interlocked.Exchange(ref lastTicks, now);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = await db.OpenAsync(CancellationToken.None).ConfigureAwait(false);
                await connection.ExecuteAsync("PRAGMA wal_checkpoint(PASSIVE)").ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
            {
                LogFailed(logger, ex);
            }
            finally
            {
                Interlocked.Exchange(ref running, 0);
            }
        });
    }

    /// <summary>
    /// Copies the whole log into the database file now and truncates it: after a bulk load or a
    /// rebuild, which write far more than the background checkpoints keep up with. A background
    /// checkpoint under way is waited for first: while it runs, this one could not truncate the log.
    /// </summary>
    public async Task CheckpointNowAsync(CancellationToken ct)
    {
        if (db.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        while (Volatile.Read(ref running) == 1)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), clock, ct).ConfigureAwait(false);
        }

        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await connection
            .ExecuteAsync(new CommandDefinition("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken: ct))
            .ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WAL checkpoint failed; the next one will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
