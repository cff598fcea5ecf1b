using Microsoft.Data.Sqlite;
using Scorecard.Bench.Ingestion;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// The reading of a write-ahead log behind the `ingest-log` benchmark: commits counted from the log's commit frames,
/// every page written named by the b-tree that holds it, leaves under interior pages included.
/// </summary>
public sealed class LogPagesTests
{
    private string directory = null!;

    [SetUp]
    public void CreateDirectory() => directory = Directory.CreateTempSubdirectory("scorecard-log-pages").FullName;

    [TearDown]
    public void DeleteDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Pages_OfThreeCommits_AreNamedByTheirTableAndIndex()
    {
        var file = Path.Combine(directory, "log.db");
        await using var writer = new SqliteConnection($"Data Source={file};Pooling=False");
        await writer.OpenAsync();
        await ExecuteAsync(
            writer,
            """
            PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
            CREATE TABLE rows (id INTEGER PRIMARY KEY, text TEXT NOT NULL);
            CREATE INDEX ix_rows_text ON rows (text);
            CREATE TABLE untouched (id INTEGER PRIMARY KEY);
            PRAGMA wal_checkpoint(TRUNCATE);
            """
        );
        await using var pin = new SqliteConnection($"Data Source={file};Pooling=False");
        await pin.OpenAsync();
        await ExecuteAsync(pin, "BEGIN; SELECT COUNT(*) FROM rows;"); // no checkpoint may restart the log now

        // 3 commits of 500 rows of 200 characters: about 20 rows a page, so both b-trees grow interior pages.
        for (var commit = 0; commit < 3; commit++)
        {
            await ExecuteAsync(
                writer,
                $"""
                BEGIN;
                WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)
                INSERT INTO rows (text) SELECT printf('%0200d', (i * 7919 + {commit}) % 100003) FROM n;
                COMMIT;
                """
            );
        }

        var log = await LogPages.ReadAsync(file);

        Assert.Multiple(() =>
        {
            Assert.That(log.Commits, Is.EqualTo(3));
            Assert.That(log.FramesPerCommit.Sum(), Is.EqualTo(log.Frames));
            Assert.That(log.ByName.Values.Sum(), Is.EqualTo(log.Frames));
            Assert.That(
                log.ByName.Keys,
                Is.SubsetOf(new[] { "rows", "ix_rows_text", "sqlite_schema" }),
                "every page named (page 1, which holds the file's header, is written by every commit)"
            );
            Assert.That(log.ByName["rows"], Is.GreaterThanOrEqualTo(3 * 500 / 20), "the table's leaves");
            Assert.That(log.ByName["ix_rows_text"], Is.GreaterThanOrEqualTo(3 * 500 / 20), "the index's leaves");
        });
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
