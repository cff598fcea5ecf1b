using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>An analyst key limited to district P.A reads P.A's subtree through every portal route and nothing
/// else.</summary>
public sealed class PortalScopeTests
{
    private ScorecardFactory factory = null!;
    private HttpClient scoped = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory();
        using var admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
        var created = await (
            await admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "A",
                    role = "analyst",
                    unitCode = "P.A",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        scoped = factory.ClientWithKey(created.GetProperty("key").GetString());
    }

    [OneTimeTearDown]
    public void Stop()
    {
        scoped.Dispose();
        factory.Dispose();
    }

    [TestCase("/api/scorecards/P.A.1?period=2025")]
    [TestCase("/api/map?indicator=on-time&period=2025&level=commune")]
    [TestCase("/api/rankings?period=2025&level=commune")]
    [TestCase("/api/series?unitCode=P.A&indicator=on-time&from=2025-01-01&to=2025-01-31")]
    public async Task PortalRoutes_InsideTheKeysSubtree_Answer200(string url)
    {
        var response = await scoped.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("/api/scorecards/P?period=2025", "'P'")]
    [TestCase("/api/scorecards/P.B.1?period=2025", "'P.B.1'")]
    [TestCase("/api/map?indicator=on-time&period=2025&level=commune&parentCode=P", "'P'")]
    [TestCase("/api/rankings?period=2025&level=district&parentCode=P.B", "'P.B'")]
    [TestCase("/api/series?unitCode=P.B&indicator=on-time&from=2025-01-01&to=2025-01-31", "'P.B'")]
    public async Task PortalRoutes_OutsideTheKeysSubtree_Are403NamingTheUnit(string url, string unit)
    {
        var problem = await ProblemAssert.IsProblemAsync(await scoped.GetAsync(url), HttpStatusCode.Forbidden);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(unit));
    }

    [Test]
    public async Task Map_ForAScopedKey_DefaultsToItsOwnUnitAsParent()
    {
        var map = await scoped.GetFromJsonAsync<JsonElement>("/api/map?indicator=on-time&period=2025&level=commune");

        Assert.That(
            map.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("code").GetString()),
            Is.EqualTo(new[] { "P.A.1", "P.A.2" })
        );
    }
}
