using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>The two kinds of read connection: the portal's, which map the file, and the feeds', which read it
/// through their own page cache, each kind from a pool of its own.</summary>
public sealed class SqliteReadConnectionTests
{
    private string directory = null!;
    private DbConnectionFactory db = null!;

    [SetUp]
    public void Create()
    {
        directory = Directory.CreateTempSubdirectory("scorecard-read-connections").FullName;
        var settings = DatabaseSettings.Create("Sqlite", $"Data Source={Path.Combine(directory, "r.db")}", null);
        new DatabaseMigrator(settings, NullLogger<DatabaseMigrator>.Instance).Migrate();
        db = new DbConnectionFactory(settings);
    }

    [TearDown]
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task FeedConnections_ReadUnmapped_AndPortalConnections_Mapped()
    {
        await using var portal = await db.OpenReadOnlyAsync(CancellationToken.None);
        await using var feed = await db.OpenRowReadsAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await MmapSizeAsync(portal), Is.EqualTo(1L << 30));
            Assert.That(await MmapSizeAsync(feed), Is.Zero);
        });
    }

    [Test]
    public async Task TheRefreshsReadsOnThePrimary_AreUnmapped_AndOtherPrimaryConnections_Mapped()
    {
        await using var refreshRead = await db.WithReadsOnPrimary(mapFile: false)
            .OpenReadOnlyAsync(CancellationToken.None);
        await using var unmapped = await db.OpenUnmappedAsync(CancellationToken.None);
        await using var primaryRead = await db.WithReadsOnPrimary().OpenReadOnlyAsync(CancellationToken.None);
        await using var primary = await db.OpenAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await MmapSizeAsync(refreshRead), Is.Zero);
            Assert.That(await MmapSizeAsync(unmapped), Is.Zero);
            Assert.That(await MmapSizeAsync(primaryRead), Is.EqualTo(1L << 30));
            Assert.That(await MmapSizeAsync(primary), Is.EqualTo(1L << 30));
        });
    }

    /// <summary>A connection handed back to the pool keeps its setting: were both kinds pooled together, a feed
    /// connection would come back to the portal unmapped (or be mapped again, page fault by page fault).</summary>
    [Test]
    public async Task AFeedConnectionReturnedToItsPool_IsNeverHandedToThePortal()
    {
        var feedHandles = new List<nint>();
        for (var i = 0; i < 3; i++)
        {
            await using var feed = (SqliteConnection)await db.OpenRowReadsAsync(CancellationToken.None);
            feedHandles.Add(feed.Handle!.DangerousGetHandle());
        }

        await using var portal = (SqliteConnection)await db.OpenReadOnlyAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(feedHandles.Distinct().Count(), Is.EqualTo(1), "the feed pool reuses its connection");
            Assert.That(portal.Handle!.DangerousGetHandle(), Is.Not.EqualTo(feedHandles[0]));
            Assert.That(await MmapSizeAsync(portal), Is.EqualTo(1L << 30));
        });
    }

    /// <summary>Reading connections wait for a busy file inside SQLite (a millisecond or a few between tries)
    /// instead of being told "busy" at once and retried by Microsoft.Data.Sqlite every 150 ms; writing connections
    /// keep those retries, also when the pool hands them a connection that last served reads.</summary>
    [Test]
    public async Task ReadingConnections_WaitForABusyFileInsideSqlite_AndWritingConnectionsDoNot()
    {
        nint portalHandle;
        await using (var portal = (SqliteConnection)await db.OpenReadOnlyAsync(CancellationToken.None))
        await using (var feed = await db.OpenRowReadsAsync(CancellationToken.None))
        await using (var unmapped = await db.OpenUnmappedAsync(CancellationToken.None))
        {
            portalHandle = portal.Handle!.DangerousGetHandle();
            Assert.Multiple(async () =>
            {
                Assert.That(await BusyTimeoutAsync(portal), Is.EqualTo(1000));
                Assert.That(await BusyTimeoutAsync(feed), Is.EqualTo(1000));
                Assert.That(await BusyTimeoutAsync(unmapped), Is.EqualTo(1000));
            });
        }

        await using var primary = (SqliteConnection)await db.OpenAsync(CancellationToken.None);
        Assert.Multiple(async () =>
        {
            Assert.That(primary.Handle!.DangerousGetHandle(), Is.EqualTo(portalHandle), "the pool's connection");
            Assert.That(await BusyTimeoutAsync(primary), Is.Zero);
        });
    }

    private static async Task<long> BusyTimeoutAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A read transaction (reads that must see one state, such as a root's rollup months and the facts
    /// read with them) takes no write lock: it begins and reads while a writer holds the lock, and beside another
    /// read transaction. A transaction begun the default way would wait for the lock (and fail when it times
    /// out).</summary>
    [Test]
    public async Task ReadTransactions_BeginAndRead_WhileAWriterHoldsTheLock()
    {
        await using var first = await db.OpenReadOnlyAsync(CancellationToken.None);
        await using var second = await db.OpenReadOnlyAsync(CancellationToken.None);
        var committed = await MarksAsync(first, null);
        await using var writer = await db.OpenAsync(CancellationToken.None);
        await using var writing = await writer.BeginTransactionAsync();
        await using var inserted = writer.CreateCommand();
        inserted.Transaction = writing;
        inserted.CommandText = "INSERT INTO indicator_values_stale (month, version) VALUES ('2025-03', 1)";
        await inserted.ExecuteNonQueryAsync();

        await using var firstReading = await db.Dialect.BeginReadAsync(first, CancellationToken.None);
        await using var secondReading = await db.Dialect.BeginReadAsync(second, CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await MarksAsync(first, firstReading), Is.EqualTo(committed), "the insert is not committed");
            Assert.That(await MarksAsync(second, secondReading), Is.EqualTo(committed));
        });
        await writing.CommitAsync();
        Assert.That(
            await MarksAsync(first, firstReading),
            Is.EqualTo(committed),
            "the transaction keeps the state it first read"
        );
        Assert.That(await MarksAsync(writer, null), Is.EqualTo(committed + 1));
    }

    private static async Task<long> MarksAsync(DbConnection connection, DbTransaction? transaction)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COUNT(*) FROM indicator_values_stale";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<long> MmapSizeAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
