using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// The writer keeps recently written dossiers' events in memory; an event another process appended
/// to the same log (a second service, a command-line import) must still take part in the next fold.
/// </summary>
public sealed class SharedLogTests : ApiFixture
{
    protected override Task SeedAsync() => TestProvince.SeedAsync(Admin);

    [Test]
    public async Task Post_AfterAnotherProcessAppendedToTheDossier_FoldsItsEventToo()
    {
        await PostOkAsync(
            new
            {
                id = "s-1",
                dossierCode = "S-1",
                type = "received",
                at = "2025-03-03T08:00:00+07:00",
                procedureCode = "1.000001",
                unitCode = "P.A.1",
                channel = "online",
            }
        );
        await AppendElsewhereAsync(
            "s-2",
            "S-1",
            "resolved",
            new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.FromHours(7))
        );

        await PostOkAsync(
            new
            {
                id = "s-3",
                dossierCode = "S-1",
                type = "digitised",
                at = "2025-03-03T09:00:00+07:00",
            }
        );

        await using var connection = await Factory.OpenDatabaseAsync();
        var stored = await connection.QuerySingleAsync<(string Status, long Digitised)>(
            "SELECT status, digitised FROM dossiers WHERE code = 'S-1'"
        );
        Assert.That(stored, Is.EqualTo(("resolved", 1L)), "the stored row folds the event the other process appended");
    }

    private async Task PostOkAsync(object e)
    {
        using var response = await TestProvince.PostAsync(Admin, e);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    /// <summary>Appends an event the way another process would: straight into the log, after its last
    /// sequence.</summary>
    private async Task AppendElsewhereAsync(string id, string dossierCode, string type, DateTimeOffset at)
    {
        await using var connection = await Factory
            .Services.GetRequiredService<DbConnectionFactory>()
            .OpenAsync(CancellationToken.None);
        var sqlite = Factory.Provider == DatabaseProvider.Sqlite;
        var sql = sqlite
            ? "INSERT INTO dossier_events (seq, source, id, dossier_code, type, at, stored_at) SELECT MAX(seq) + 1, "
                + "'bootstrap', @Id, @Code, @Type, @At, @At FROM dossier_events"
            : "INSERT INTO dossier_events (source, id, dossier_code, type, at, stored_at) VALUES ('bootstrap', @Id, "
                + "@Code, @Type, @At, @At)";
        await connection.ExecuteAsync(
            sql,
            new
            {
                Id = id,
                Code = dossierCode,
                Type = type,
                At = at,
            }
        );
    }
}
