using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// The service on a real SQL Server: migrations, reference data, ingestion, the portal, rebuild and indicator values.
/// Runs when SCORECARD_TEST_SQLSERVER holds a connection string whose login may create databases (the
/// factory creates and drops a database of its own), whatever provider the rest of the suite runs on;
/// reported as skipped otherwise.
/// </summary>
[Category("SqlServer")]
public sealed class SqlServerIntegrationTests
{
    private ScorecardFactory factory = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (TestSqlServer.Server is null)
        {
            Assert.Ignore(
                $"Set {TestSqlServer.ServerVariable} to a SQL Server connection string (a login that may "
                    + $"create databases) to run these tests."
            );
        }

        factory = new ScorecardFactory(provider: DatabaseProvider.SqlServer);
        admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        admin?.Dispose();
        factory?.Dispose();
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
        var result = await (
            await TestProvince.PostAsync(
                admin,
                new
                {
                    id = "s1-r",
                    dossierCode = "S1",
                    type = "received",
                    at = "2025-03-03T08:00:00+07:00",
                    procedureCode = "1.000001",
                    unitCode = "P.A.1",
                    channel = "online",
                },
                new
                {
                    id = "s1-f",
                    dossierCode = "S1",
                    type = "resolved",
                    at = "2025-03-04T10:00:00+07:00",
                },
                new
                {
                    id = "s2-r",
                    dossierCode = "S2",
                    type = "received",
                    at = "2025-03-03T09:00:00+07:00",
                    procedureCode = "1.000001",
                    unitCode = "P.A.1",
                    channel = "direct",
                },
                new
                {
                    id = "s2-f",
                    dossierCode = "S2",
                    type = "resolved",
                    at = "2025-03-10T10:00:00+07:00",
                },
                new
                {
                    id = "s1-r",
                    dossierCode = "S1",
                    type = "received",
                    at = "2025-03-03T08:00:00+07:00",
                    procedureCode = "1.000001",
                    unitCode = "P.A.1",
                    channel = "online",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(
            (result.GetProperty("accepted").GetInt32(), result.GetProperty("duplicates").GetInt32()),
            Is.EqualTo((4, 1))
        );

        // S1 early, S2 late (due 6 March 09:00): 1 of 2; online: S1 of both.
        await AssertFiguresAsync();
        await factory.Services.GetRequiredService<DossierRebuilder>().RebuildAsync(CancellationToken.None);
        await AssertFiguresAsync();
    }

    [Test]
    public async Task IndicatorValues_AfterIngestionAndARefresh_EqualTheScorecard()
    {
        (
            await TestProvince.PostAsync(
                admin,
                new
                {
                    id = "s4-r",
                    dossierCode = "S4",
                    type = "received",
                    at = "2025-04-07T08:00:00+07:00",
                    procedureCode = "1.000001",
                    unitCode = "P.A.2",
                    channel = "online",
                },
                new
                {
                    id = "s4-f",
                    dossierCode = "S4",
                    type = "resolved",
                    at = "2025-04-08T10:00:00+07:00",
                }
            )
        ).EnsureSuccessStatusCode();

        await factory.Services.GetRequiredService<IndicatorValuesRefresher>().RefreshNowAsync(CancellationToken.None);

        var card = await admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-Q2");
        var onTime = card.GetProperty("indicators")
            .EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "on-time");
        await using var connection = await factory.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT numerator, denominator, value, band, period_type, period_start FROM "
            + "indicator_values WHERE unit_code = 'P' AND indicator_code = 'on-time' AND period = '2025-Q2'";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.That(await reader.ReadAsync(), Is.True, "the row exists");
        Assert.That(
            (
                reader.GetInt64(0),
                reader.GetInt64(1),
                (decimal)reader.GetDouble(2),
                reader.GetString(3),
                reader.GetString(4),
                reader.GetDateTime(5)
            ),
            Is.EqualTo(
                (
                    onTime.GetProperty("numerator").GetInt64(),
                    onTime.GetProperty("denominator").GetInt64(),
                    onTime.GetProperty("value").GetDecimal(),
                    onTime.GetProperty("band").GetString(),
                    "quarter",
                    new DateTime(2025, 4, 1)
                )
            )
        );
    }

    private async Task AssertFiguresAsync()
    {
        var card = await admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");
        var figures = card.GetProperty("indicators")
            .EnumerateArray()
            .ToDictionary(
                i => i.GetProperty("code").GetString()!,
                i => (i.GetProperty("numerator").GetInt64(), i.GetProperty("denominator").GetInt64())
            );
        Assert.That(figures["on-time"], Is.EqualTo((1L, 2L)));
        Assert.That(figures["online-submission"], Is.EqualTo((1L, 2L)));
        var map = await admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=on-time&period=2025-03-01..2025-03-31&parentCode=P&level=commune"
        );
        var commune = map.GetProperty("units")
            .EnumerateArray()
            .Single(u => u.GetProperty("code").GetString() == "P.A.1");
        Assert.That(
            (commune.GetProperty("numerator").GetInt64(), commune.GetProperty("denominator").GetInt64()),
            Is.EqualTo((1L, 2L))
        );
    }
}
