using System.Net;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// Every answer that carries data, JSON or OData, success or error, tells caches not to keep it, however the
/// client cases the path (routing ignores case, so the header must too); the successful reads of the JSON API
/// other than the keys are the exception, kept privately and revalidated with their ETag (ETagTests).
/// </summary>
public sealed class CacheControlTests : ApiFixture
{
    protected override Task SeedAsync() => TestProvince.SeedAsync(Admin);

    [TestCase("/API/UNITS/nope", true, HttpStatusCode.NotFound)]
    [TestCase("/API/KEYS", true, HttpStatusCode.OK)]
    [TestCase("/API/units", false, HttpStatusCode.Unauthorized)]
    [TestCase("/Api/Calendar?from=abc", true, HttpStatusCode.BadRequest)]
    [TestCase("/odata", true, HttpStatusCode.OK)]
    [TestCase("/OData", true, HttpStatusCode.OK)]
    [TestCase("/odata/$metadata", true, HttpStatusCode.OK)]
    [TestCase("/ODATA/$metadata", true, HttpStatusCode.OK)]
    [TestCase("/Odata/Units", true, HttpStatusCode.OK)]
    [TestCase("/oDaTa/Units/$count", true, HttpStatusCode.OK)]
    [TestCase("/Odata/Units?$filter=Nope eq 1", true, HttpStatusCode.BadRequest)]
    [TestCase("/Odata/Units", false, HttpStatusCode.Unauthorized)]
    [TestCase("/Odata/Nope", true, HttpStatusCode.NotFound)]
    [TestCase("/nope", true, HttpStatusCode.NotFound)]
    public async Task Answer_WhenThePathIsCasedAnyWay_CarriesNoStore(string url, bool withKey, HttpStatusCode status)
    {
        using var client = withKey ? Factory.AdminClient() : Factory.ClientWithKey(null);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(status), await response.Content.ReadAsStringAsync());
        Assert.That(
            response.Headers.CacheControl?.NoStore,
            Is.True,
            $"{url}: Cache-Control {response.Headers.CacheControl}"
        );
    }

    [TestCase("/API/units")]
    [TestCase("/Api/Units/P.A")]
    [TestCase("/api/units")]
    public async Task Read_WhenThePathIsCasedAnyWay_IsPrivateAndRevalidated(string url)
    {
        using var response = await Admin.GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.Private, Is.True, $"{url}: {response.Headers.CacheControl}");
        Assert.That(response.Headers.CacheControl?.NoStore, Is.False);
        Assert.That(response.Headers.ETag, Is.Not.Null);
    }

    [TestCase("/health/live")]
    [TestCase("/Health/Ready")]
    public async Task HealthProbe_Always_IsNotCached(string url)
    {
        using var anonymous = Factory.ClientWithKey(null);

        using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            response.Headers.CacheControl?.NoStore,
            Is.True,
            "the health checks set their own no-cache headers"
        );
    }
}
