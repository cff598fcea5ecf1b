using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Cli;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Api.Tests.Resilience;

/// <summary>
/// README "Operating it", backup and restore: a backup taken while integrators post holds every event
/// acknowledged before it started, and figures that are its log's own (no half batch); restored into a fresh
/// file, a backup taken at rest gives the same scorecard as the live database. Restores of what this build
/// cannot read are refused.
/// </summary>
public sealed class BackupTests
{
    private const int Clients = 4;
    private const int BatchesPerClient = 12;
    private const int DossiersPerBatch = 10;

    private string directory = null!;

    [SetUp]
    public void MakeDirectory() => directory = Directory.CreateTempSubdirectory("scorecard-backup-tests").FullName;

    [TearDown]
    public void RemoveDirectory()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static object[] Batch(int client, int batch) =>
        [
            .. Enumerable
                .Range(0, DossiersPerBatch)
                .SelectMany(i =>
                {
                    var dossier = $"BK-{client}-{batch}-{i}";
                    var day = 3 + (i % 20);
                    return new object[]
                    {
                        new
                        {
                            id = dossier + "-r",
                            dossierCode = dossier,
                            type = "received",
                            at = $"2025-03-{day:00}T08:00:00+07:00",
                            procedureCode = "1.000001",
                            unitCode = i % 2 == 0 ? "P.A.1" : "P.B.1",
                            channel = i % 3 == 0 ? "online" : "direct",
                        },
                        new
                        {
                            id = dossier + "-s",
                            dossierCode = dossier,
                            type = "resolved",
                            at = $"2025-03-{day + 2 + (i % 5):00}T10:00:00+07:00",
                        },
                    };
                }),
        ];

    private static int Run(string verb, string path, DatabaseSettings settings) =>
        BackupCommands
            .RunAsync(verb, [verb, path], settings, TimeProvider.System, TextWriter.Null, TextWriter.Null)
            .GetAwaiter()
            .GetResult();

    private DatabaseSettings Fresh(string name) =>
        DatabaseSettings.Create("Sqlite", $"Data Source={Path.Combine(directory, name)}", null);

    private static ScorecardFactory On(DatabaseSettings settings) =>
        new(
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Sqlite",
                ["ConnectionStrings:Scorecard"] = settings.ConnectionString,
            }
        );

    private static async Task<List<string>> EventIdsAsync(ScorecardFactory factory)
    {
        await using var connection = await factory.OpenDatabaseAsync();
        return [.. await connection.QueryAsync<string>("SELECT id FROM dossier_events")];
    }

    private static async Task<List<string>> ProjectionsAsync(ScorecardFactory factory) =>
        [
            .. await TableDump.RowsAsync(factory, "dossiers", "source, code"),
            .. await TableDump.RowsAsync(factory, "daily_facts", "1, 2, 3"),
            .. await TableDump.RowsAsync(factory, "monthly_facts", "1, 2, 3"),
        ];

    [Test]
    public async Task Backup_UnderIngestionLoad_KeepsEveryAcknowledgedEventAndRestoresTheSameFigures()
    {
        using var live = new ScorecardFactory(provider: DatabaseProvider.Sqlite);
        using var admin = live.AdminClient();
        await TestProvince.SeedAsync(admin);
        var settings = live.Services.GetRequiredService<DatabaseSettings>();
        var acknowledged = new ConcurrentQueue<string>();
        var load = Task.WhenAll(
            Enumerable
                .Range(0, Clients)
                .Select(client =>
                    Task.Run(async () =>
                    {
                        using var http = live.AdminClient();
                        for (var batch = 0; batch < BatchesPerClient; batch++)
                        {
                            var events = Batch(client, batch);
                            var response = await http.PostAsJsonAsync("/api/dossier-events", new { events });
                            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                            Assert.That(answer.GetProperty("accepted").GetInt32(), Is.EqualTo(events.Length));
                            foreach (var e in events)
                            {
                                acknowledged.Enqueue(
                                    JsonSerializer.SerializeToElement(e).GetProperty("id").GetString()!
                                );
                            }
                        }
                    })
                )
        );
        while (acknowledged.Count < Clients * DossiersPerBatch * 2 * 3 && !load.IsCompleted)
        {
            await Task.Delay(5);
        }

        var beforeBackup = acknowledged.ToList();
        var underLoad = Path.Combine(directory, "under-load.db");
        Assert.That(
            await SqliteBackup.BackupAsync(settings.ConnectionString, underLoad, CancellationToken.None),
            Is.Null
        );
        await load;
        var atRest = Path.Combine(directory, "at-rest.db");
        Assert.That(Run("backup", atRest, settings), Is.Zero);
        Assert.That(
            load.IsCompletedSuccessfully && acknowledged.Count > beforeBackup.Count,
            Is.True,
            "taken under load"
        );

        var first = Fresh("restored-under-load.db");
        Assert.That(Run("restore", underLoad, first), Is.Zero);
        using (var restored = On(first))
        {
            var stored = await EventIdsAsync(restored);
            Assert.That(stored, Is.SupersetOf(beforeBackup), "every event acknowledged before the backup started");
            Assert.That(stored.Count % (DossiersPerBatch * 2), Is.Zero, "whole batches only");
            var projections = await ProjectionsAsync(restored);
            await restored.Services.GetRequiredService<DossierRebuilder>().RebuildAsync(CancellationToken.None);
            Assert.That(projections, Is.EqualTo(await ProjectionsAsync(restored)), "figures are the log's own");
        }

        var second = Fresh("restored-at-rest.db");
        Assert.That(Run("restore", atRest, second), Is.Zero);
        using (var restored = On(second))
        {
            using var reader = restored.AdminClient();
            Assert.That(await EventIdsAsync(restored), Is.EquivalentTo(acknowledged));
            Assert.That(await ProjectionsAsync(restored), Is.EqualTo(await ProjectionsAsync(live)));
            Assert.That(
                await reader.GetStringAsync("/api/scorecards/P?period=2025-03"),
                Is.EqualTo(await admin.GetStringAsync("/api/scorecards/P?period=2025-03"))
            );
        }
    }

    [Test]
    public async Task Restore_WhenTheBackupHasAnUnknownMigration_IsRefusedAndWritesNothing()
    {
        using var live = new ScorecardFactory(provider: DatabaseProvider.Sqlite);
        using var admin = live.AdminClient();
        await TestProvince.SeedAsync(admin);
        var backup = Path.Combine(directory, "newer.db");
        Assert.That(Run("backup", backup, live.Services.GetRequiredService<DatabaseSettings>()), Is.Zero);
        await using (var connection = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            await connection.ExecuteAsync(
                "INSERT INTO SchemaVersions (ScriptName, Applied) VALUES "
                    + "('Scorecard.Infrastructure.Migrations.Sqlite.9999_Future.sql', '2030-01-01 00:00:00')"
            );
        }

        var target = Fresh("target.db");
        var error = new StringWriter();
        var code = await BackupCommands.RunAsync(
            "restore",
            ["restore", backup],
            target,
            TimeProvider.System,
            TextWriter.Null,
            error
        );

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error.ToString(), Does.Contain("9999_Future"));
        Assert.That(File.Exists(Path.Combine(directory, "target.db")), Is.False);
    }

    [Test]
    public void Restore_WhenTheFileIsNotADatabase_IsRefused()
    {
        var file = Path.Combine(directory, "notes.txt");
        File.WriteAllText(file, "not a database, only some words long enough to fill a header of a hundred bytes ...");

        Assert.That(Run("restore", file, Fresh("target.db")), Is.EqualTo(1));
        Assert.That(Run("restore", Path.Combine(directory, "missing.db"), Fresh("target.db")), Is.EqualTo(1));
    }

    [Test]
    public void Backup_WhenThePathExistsOrNoneIsGiven_IsRefused()
    {
        var existing = Path.Combine(directory, "existing.db");
        File.WriteAllText(existing, "");
        var settings = Fresh("live.db");

        Assert.That(Run("backup", existing, settings), Is.EqualTo(1));
        Assert.That(
            BackupCommands
                .RunAsync("backup", ["backup"], settings, TimeProvider.System, TextWriter.Null, TextWriter.Null)
                .Result,
            Is.EqualTo(2)
        );
    }

    [Test]
    public void BackupAndRestore_OnSqlServer_PointToTheServersOwnBackups()
    {
        var settings = DatabaseSettings.Create("SqlServer", "Server=db.example;Database=Scorecard", null);
        var error = new StringWriter();

        var code = BackupCommands
            .RunAsync("backup", ["backup", "x.bak"], settings, TimeProvider.System, TextWriter.Null, error)
            .Result;

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("BACKUP DATABASE"));
    }
}
