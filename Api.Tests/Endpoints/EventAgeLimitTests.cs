using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>Ingestion:MaxEventAgeDays: a non-admin key cannot date events into periods long closed; admins
/// can.</summary>
public sealed class EventAgeLimitTests
{
    private ScorecardFactory factory = null!;
    private HttpClient admin = null!;
    private HttpClient integrator = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory(new Dictionary<string, string?> { ["Ingestion:MaxEventAgeDays"] = "30" });
        admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
        var created = await (
            await admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "A",
                    role = "integrator",
                    unitCode = "P.A",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        integrator = factory.ClientWithKey(created.GetProperty("key").GetString());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        integrator.Dispose();
        admin.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task Post_WhenAnIntegratorDatesAnEventBeforeTheLimit_RejectsItNamingAt()
    {
        var old = DateTimeOffset.UtcNow.AddDays(-31).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);
        var recent = DateTimeOffset.UtcNow.AddDays(-29).ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture);

        var outcome = await (
            await TestProvince.PostAsync(integrator, Received("age-1", old), Received("age-2", recent))
        ).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(outcome.GetProperty("accepted").GetInt32(), Is.EqualTo(1));
        var rejected = outcome.GetProperty("rejected")[0];
        Assert.That(rejected.GetProperty("index").GetInt32(), Is.Zero);
        Assert.That(rejected.GetProperty("errors")[0].GetProperty("field").GetString(), Is.EqualTo("at"));
        Assert.That(rejected.GetProperty("errors")[0].GetProperty("message").GetString(), Does.Contain("30 days"));
    }

    [Test]
    public async Task Post_WhenAnAdminDatesAnEventBeforeTheLimit_StoresIt()
    {
        using var response = await TestProvince.PostAsync(admin, Received("age-3", "2025-03-03T08:00:00+07:00"));
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(outcome.GetProperty("accepted").GetInt32(), Is.EqualTo(1));
    }

    private static object Received(string id, string at) =>
        new
        {
            id,
            dossierCode = id,
            type = "received",
            at,
            procedureCode = "1.000001",
            unitCode = "P.A.1",
            channel = "online",
        };
}
