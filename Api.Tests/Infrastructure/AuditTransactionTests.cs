using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// An audit entry and the change it records commit together or not at all: a failure after the entry is
/// written takes it back, and a failure writing the entry takes the change back. The failures are made by
/// SQLite triggers, so these run on SQLite.
/// </summary>
public sealed class AuditTransactionTests
{
    private static async Task ExecuteAsync(ScorecardFactory factory, string sql)
    {
        await using var connection = await factory
            .Services.GetRequiredService<DbConnectionFactory>()
            .OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(sql);
    }

    private static async Task<long> CountAsync(ScorecardFactory factory, string sql)
    {
        await using var connection = await factory.OpenDatabaseAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task<HttpStatusCode> PutUnitsAsync(HttpClient admin, params string[] codes)
    {
        var units = string.Join(
            ",",
            codes.Select(c =>
                $$"""{"code":"{{c}}","name":"Đơn vị {{c}}","level":"district","kind":"locality","parentCode":"P"}"""
            )
        );
        return (await admin.PutAsync("/api/units", ProblemAssert.Json($"[{units}]"))).StatusCode;
    }

    [Test]
    public async Task PutUnits_WhenAStatementAfterTheEntryFails_StoresNeitherTheUnitNorTheEntry()
    {
        using var factory = new ScorecardFactory(provider: DatabaseProvider.Sqlite);
        using var admin = factory.AdminClient();
        (
            await admin.PutAsync(
                "/api/units",
                ProblemAssert.Json("""[{"code":"P","name":"Tỉnh","level":"province","kind":"locality"}]""")
            )
        ).EnsureSuccessStatusCode();
        await ExecuteAsync(
            factory,
            """
            CREATE TRIGGER fail_marks_insert BEFORE INSERT ON indicator_values_stale
            BEGIN SELECT RAISE(ABORT, 'injected'); END;
            CREATE TRIGGER fail_marks_update BEFORE UPDATE ON indicator_values_stale
            BEGIN SELECT RAISE(ABORT, 'injected'); END;
            """
        );

        var status = await PutUnitsAsync(admin, "P.X");

        Assert.That((int)status, Is.GreaterThanOrEqualTo(500), "the write failed");
        Assert.That(await CountAsync(factory, "SELECT COUNT(*) FROM units WHERE code = 'P.X'"), Is.Zero);
        Assert.That(await CountAsync(factory, "SELECT COUNT(*) FROM audit_entries WHERE entity_key = 'P.X'"), Is.Zero);
    }

    [Test]
    public async Task PutUnits_WhenWritingTheEntryFails_StoresNoneOfTheBatch()
    {
        using var factory = new ScorecardFactory(provider: DatabaseProvider.Sqlite);
        using var admin = factory.AdminClient();
        (
            await admin.PutAsync(
                "/api/units",
                ProblemAssert.Json("""[{"code":"P","name":"Tỉnh","level":"province","kind":"locality"}]""")
            )
        ).EnsureSuccessStatusCode();
        await ExecuteAsync(
            factory,
            """
            CREATE TRIGGER fail_entry BEFORE INSERT ON audit_entries WHEN NEW.entity_key = 'P.Z'
            BEGIN SELECT RAISE(ABORT, 'injected'); END;
            """
        );

        var status = await PutUnitsAsync(admin, "P.Y", "P.Z");

        Assert.That((int)status, Is.GreaterThanOrEqualTo(500), "the write failed");
        Assert.That(await CountAsync(factory, "SELECT COUNT(*) FROM units WHERE code IN ('P.Y', 'P.Z')"), Is.Zero);
        Assert.That(await CountAsync(factory, "SELECT COUNT(*) FROM audit_entries WHERE entity_key = 'P.Y'"), Is.Zero);
    }
}
