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

    private static async Task<long> MmapSizeAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA mmap_size";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
