using System.Net;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Caching;

/// <summary>
/// README "Caching and compression": a public read (no key, Auth:PublicRead on) of a period that has ended may be
/// kept by any cache for Caching:PublicMaxAgeSeconds; one of a running period, or of reference data, is revalidated.
/// </summary>
public sealed class PublicCachingTests
{
    private ScorecardFactory factory = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory(new() { ["Auth:PublicRead"] = "true", ["Caching:PublicMaxAgeSeconds"] = "600" });
        using var admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [TestCase("/api/map?indicator=on-time&period=2025&level=district", "public, max-age=600, must-revalidate")]
    [TestCase("/api/rankings?period=2025-Q3&level=district", "public, max-age=600, must-revalidate")]
    [TestCase("/api/scorecards/P?period=2024-12", "public, max-age=600, must-revalidate")]
    [TestCase(
        "/api/series?unitCode=P&indicator=on-time&from=2025-03-01&to=2025-03-31",
        "public, max-age=600, must-revalidate"
    )]
    [TestCase("/api/map?indicator=on-time&period=2999&level=district", "public, max-age=0, must-revalidate")]
    [TestCase("/api/scorecards/P?period=2999-01", "public, max-age=0, must-revalidate")]
    [TestCase(
        "/api/series?unitCode=P&indicator=on-time&from=2999-03-01&to=2999-03-31",
        "public, max-age=0, must-revalidate"
    )]
    [TestCase("/api/units", "public, max-age=0, must-revalidate")]
    [TestCase("/api/indicators/on-time", "public, max-age=0, must-revalidate")]
    public async Task PublicRead_OfAPeriod_IsKeptWhileTheFiguresCanNoLongerChangeByTheDay(string url, string cache)
    {
        using var visitor = factory.ClientWithKey(null);

        using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.NonValidated["Cache-Control"].ToString(), Is.EqualTo(cache));
        Assert.That(response.Headers.ETag, Is.Not.Null);
        Assert.That(response.Headers.Vary, Does.Contain("X-Api-Key"), "a key's answer is not the visitor's");
    }

    [Test]
    public async Task KeyedRead_OfAnEndedPeriod_StaysPrivate()
    {
        using var admin = factory.AdminClient();

        using var response = await admin.GetAsync(
            new Uri("/api/map?indicator=on-time&period=2025&level=district", UriKind.Relative)
        );

        Assert.That(
            response.Headers.NonValidated["Cache-Control"].ToString(),
            Is.EqualTo("private, max-age=0, must-revalidate")
        );
    }

    [Test]
    public void StartUp_WhenTheMaxAgeIsNegative_FailsNamingIt()
    {
        using var bad = new ScorecardFactory(new() { ["Caching:PublicMaxAgeSeconds"] = "-1" });

        var failure = Assert.Catch(() => bad.CreateClient().Dispose());

        Assert.That(failure!.ToString(), Does.Contain("Caching:PublicMaxAgeSeconds"));
    }
}
