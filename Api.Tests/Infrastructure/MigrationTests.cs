using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Infrastructure;

public sealed class MigrationTests
{
    private string directory = null!;

    [SetUp]
    public void CreateFolder() => directory = Directory.CreateTempSubdirectory("scorecard-migrations").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Migrate_WhenFileIsNew_CreatesSchemaInWalModeAndLeavesNothingPending()
    {
        var settings = DatabaseSettings.Create("Sqlite", $"Data Source={Path.Combine(directory, "sub", "s.db")}", null);
        var migrator = new DatabaseMigrator(settings, NullLogger<DatabaseMigrator>.Instance);

        migrator.Migrate();

        Assert.That(migrator.PendingScripts(), Is.Empty);
        await using var connection = await new DbConnectionFactory(settings).OpenAsync(CancellationToken.None);
        Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
        Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
        var tables = (
            await connection.QueryAsync<string>("SELECT name FROM sqlite_master WHERE type = 'table'")
        ).ToList();
        Assert.That(
            tables,
            Is.SupersetOf(
                new[]
                {
                    "units",
                    "unit_closure",
                    "procedures",
                    "calendar_days",
                    "indicators",
                    "indicator_bands",
                    "reported_values",
                    "targets",
                    "dossier_events",
                    "dossiers",
                    "api_keys",
                }
            )
        );
    }

    [Test]
    public void Migrate_WhenRunTwice_IsANoOp()
    {
        var settings = DatabaseSettings.Create("Sqlite", $"Data Source={Path.Combine(directory, "s.db")}", null);
        var migrator = new DatabaseMigrator(settings, NullLogger<DatabaseMigrator>.Instance);

        migrator.Migrate();

        Assert.DoesNotThrow(migrator.Migrate);
    }

    [Test]
    public void Scripts_ForBothProviders_HaveTheSameNumbers()
    {
        static IEnumerable<string> Numbers(DatabaseProvider provider) =>
            DatabaseMigrator.Scripts(provider).Select(s => s.Name.Split('.')[^2]);

        Assert.That(Numbers(DatabaseProvider.Sqlite), Is.Not.Empty);
        Assert.That(Numbers(DatabaseProvider.SqlServer), Is.EqualTo(Numbers(DatabaseProvider.Sqlite)));
    }

    [Test]
    public void SqlServerScripts_Always_ParseWithoutErrors()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var script in DatabaseMigrator.Scripts(DatabaseProvider.SqlServer))
        {
            using var reader = new StringReader(script.Contents);
            parser.Parse(reader, out var errors);
            Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, script.Name);
        }
    }

    [TestCase("Postgres")]
    [TestCase("7")]
    public void Settings_WhenProviderUnknown_FailsNamingTheKnownOnes(string provider)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseSettings.Create(provider, null, null));

        Assert.That(error!.Message, Does.Contain(provider).And.Contain("Sqlite").And.Contain("SqlServer"));
    }

    [Test]
    public void Settings_WhenSqlServerWithoutConnectionString_Fails()
    {
        Assert.Throws<InvalidOperationException>(() => DatabaseSettings.Create("SqlServer", null, null));
    }
}
