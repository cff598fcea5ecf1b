using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.SqlClient;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// The service on a real SQL Server: migrations, reference data, ingestion, the portal and rebuild.
/// Runs when SCORECARD_TEST_SQLSERVER holds a connection string whose login may create databases
/// (each run creates and drops its own database); reported as skipped otherwise.
/// </summary>
[Category("SqlServer")]
public sealed class SqlServerIntegrationTests
{
    public const string Variable = "SCORECARD_TEST_SQLSERVER";

    private string server = null!;
    private string database = null!;
    private ScorecardFactory factory = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        server = Environment.GetEnvironmentVariable(Variable) ?? "";
        if (server.Length == 0)
        {
            Assert.Ignore($"Set {Variable} to a SQL Server connection string (a login that may create databases) to run these tests.");
        }

        database = "scorecard_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteOnMasterAsync($"CREATE DATABASE [{database}]");
        var connection = new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString;
        factory = new ScorecardFactory(new() { ["Database:Provider"] = "SqlServer", ["ConnectionStrings:Scorecard"] = connection });
        admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        admin?.Dispose();
        factory?.Dispose();
        if (database is not null)
        {
            SqlConnection.ClearAllPools();
            await ExecuteOnMasterAsync($"ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{database}]");
        }
    }

    private async Task ExecuteOnMasterAsync(string sql)
    {
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new SqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task HealthReady_WhenMigrated_Is200()
    {
        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Ingestion_ThenScorecardAndRebuild_GiveTheHandWorkedFigures()
    {
        var result = await (await TestProvince.PostAsync(admin,
            new { id = "s1-r", dossierCode = "S1", type = "received", at = "2025-03-03T08:00:00+07:00", procedureCode = "1.000001", unitCode = "P.A.1", channel = "online" },
            new { id = "s1-f", dossierCode = "S1", type = "resolved", at = "2025-03-04T10:00:00+07:00" },
            new { id = "s2-r", dossierCode = "S2", type = "received", at = "2025-03-03T09:00:00+07:00", procedureCode = "1.000001", unitCode = "P.A.1", channel = "direct" },
            new { id = "s2-f", dossierCode = "S2", type = "resolved", at = "2025-03-10T10:00:00+07:00" },
            new { id = "s1-r", dossierCode = "S1", type = "received", at = "2025-03-03T08:00:00+07:00", procedureCode = "1.000001", unitCode = "P.A.1", channel = "online" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((result.GetProperty("accepted").GetInt32(), result.GetProperty("duplicates").GetInt32()), Is.EqualTo((4, 1)));

        // S1 early, S2 late (due 6 March 09:00): 1 of 2; online: S1 of both.
        await AssertFiguresAsync();
        await factory.Services.GetRequiredService<DossierRebuilder>().RebuildAsync(CancellationToken.None);
        await AssertFiguresAsync();
    }

    private async Task AssertFiguresAsync()
    {
        var card = await admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");
        var figures = card.GetProperty("indicators").EnumerateArray().ToDictionary(
            i => i.GetProperty("code").GetString()!, i => (i.GetProperty("numerator").GetInt64(), i.GetProperty("denominator").GetInt64()));
        Assert.That(figures["on-time"], Is.EqualTo((1L, 2L)));
        Assert.That(figures["online-submission"], Is.EqualTo((1L, 2L)));
        var map = await admin.GetFromJsonAsync<JsonElement>("/api/map?indicator=on-time&period=2025-03-01..2025-03-31&parentCode=P&level=commune");
        var commune = map.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == "P.A.1");
        Assert.That((commune.GetProperty("numerator").GetInt64(), commune.GetProperty("denominator").GetInt64()), Is.EqualTo((1L, 2L)));
    }
}
