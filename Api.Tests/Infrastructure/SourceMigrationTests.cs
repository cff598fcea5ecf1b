using Dapper;
using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// The migration to sources keeps every stored dossier whole: each event takes the source of its
/// dossier's received event's key, and remembers that key's scope.
/// </summary>
public sealed class SourceMigrationTests
{
    private string directory = null!;

    [SetUp]
    public void CreateFolder() => directory = Directory.CreateTempSubdirectory("scorecard-sources").FullName;

    [TearDown]
    public void DeleteFolder()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public async Task Migrate_FromTheSchemaBeforeSources_GivesEachDossierTheSourceOfItsReceivedEvent()
    {
        var connectionString = $"Data Source={Path.Combine(directory, "s.db")}";
        var before = DatabaseMigrator
            .Scripts(DatabaseProvider.Sqlite)
            .Where(s => !s.Name.Contains("0005_", StringComparison.Ordinal));
        var result = DeployChanges
            .To.SqliteDatabase(connectionString)
            .WithScripts(before)
            .WithTransactionPerScript()
            .Build()
            .PerformUpgrade();
        Assert.That(result.Successful, Is.True, result.Error?.Message);
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO units (id, code, name, level, kind, updated_at) VALUES (1, 'P', 'P', 'province',
                    'locality', 'x'), (2, 'P.A', 'A', 'district', 'locality', 'x');
                INSERT INTO procedures (id, code, name, field, level, online_service, integrated, has_fee,
                    person_applicant, updated_at)
                VALUES (1, '1.1', 'p', 'f', 'district', 'full', 1, 0, 1, 'x');
                INSERT INTO api_keys (id, name, role, unit_code, key_hash, created_at) VALUES ('k1', 'A',
                    'integrator', 'P.A', 'h', 'x');
                INSERT INTO dossier_events (seq, id, dossier_code, type, at, unit_code, key_id, stored_at) VALUES
                    (1, 'e1', 'D1', 'paid', '2025-01-01T00:00:00.0000000Z', NULL, NULL, 'x'),
                    (2, 'e2', 'D1', 'received', '2025-01-01T00:00:00.0000000Z', 'P.A', 'k1', 'x'),
                    (3, 'e3', 'D2', 'received', '2025-01-01T00:00:00.0000000Z', 'P.A', NULL, 'x');
                INSERT INTO dossiers (code, procedure_id, unit_id, channel, status, received_at, supplement_count,
                    supplement_seconds, fee_required,
                                      paid_online, amount_paid, digitised, electronic_result, population_db_used,
                                          online_eligible, person_applicant, violation)
                VALUES ('D1', 1, 2, 'online', 'received', '2025-01-01T00:00:00.0000000Z', 0, 0, 0, 0, 0, 0, 0, 0, 1,
                    1, 0);
                """
            );
        }

        new DatabaseMigrator(
            DatabaseSettings.Create("Sqlite", connectionString, null),
            NullLogger<DatabaseMigrator>.Instance
        ).Migrate();

        await using var migrated = new SqliteConnection(connectionString);
        var events = (
            await migrated.QueryAsync<(string Id, string Source, string? Scope)>(
                "SELECT id, source, sender_scope FROM dossier_events ORDER BY seq"
            )
        ).ToList();
        Assert.That(
            events,
            Is.EqualTo(new[] { ("e1", "k1", (string?)null), ("e2", "k1", "P.A"), ("e3", "bootstrap", null) })
        );
        Assert.That(
            await migrated.QueryAsync<(string, string)>("SELECT source, code FROM dossiers"),
            Is.EqualTo(new[] { ("k1", "D1") })
        );
        Assert.That(await migrated.QueryAsync<string>("SELECT source FROM api_keys"), Is.EqualTo(new[] { "k1" }));
    }
}
