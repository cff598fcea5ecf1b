using Microsoft.Data.Sqlite;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>An upgrade whose migration makes the facts tables anew leaves dossiers without facts: the service
/// rebuilds them from the event log when it starts.</summary>
public sealed class UpgradeRebuildTests
{
    [Test]
    public async Task Start_WhenDossiersHaveNoFacts_RebuildsThemFromTheEventLog()
    {
        var directory = Path.Combine(Path.GetTempPath(), "scorecard-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "scorecard.db");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Scorecard"] = $"Data Source={file}",
        };
        string before;
        using (var first = new ScorecardFactory(settings))
        {
            using var admin = first.AdminClient();
            await MarchDossiers.SeedAsync(admin);
            before = await admin.GetStringAsync(new Uri("/api/scorecards/P?period=2025-03", UriKind.Relative));
        }

        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM daily_facts; DELETE FROM monthly_facts;";
            await command.ExecuteNonQueryAsync();
        }

        using var second = new ScorecardFactory(settings);
        using var client = second.AdminClient();
        var after = "";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (after != before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            after = await client.GetStringAsync(new Uri("/api/scorecards/P?period=2025-03", UriKind.Relative));
        }

        Assert.That(after, Is.EqualTo(before));
        Assert.That(before, Does.Contain("\"numerator\":5"), "the figures were there before the facts went");
        second.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
