using System.Net;
using System.Text.Json;
using Scorecard.Api.Hosting;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Hosting;

/// <summary>A request line over the server's limit answers 414 with a body saying so, in the route's own
/// format.</summary>
public sealed class RequestLineLimitTests : ApiFixture
{
    [Test]
    public async Task FeedUrl_OverTheLimit_Is414WithAnODataError()
    {
        var url = "/odata/Units?$filter=Code in (" + string.Join(",", Enumerable.Repeat("'P.A.1'", 1200)) + ")";

        using var response = await Admin.GetAsync(new Uri(url, UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestUriTooLong));
        Assert.That(body.GetProperty("error").GetProperty("code").GetString(), Is.EqualTo("UriTooLong"));
        Assert.That(
            body.GetProperty("error").GetProperty("message").GetString(),
            Does.Contain(
                ServerLimits.MaxRequestLineBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            )
        );
        Assert.That(response.Headers.GetValues("OData-Version"), Is.EqualTo(new[] { "4.0" }));
    }

    [Test]
    public async Task JsonRoute_OverTheLimit_Is414WithAProblem()
    {
        using var response = await Admin.GetAsync(new Uri("/api/units?q=" + new string('x', 9000), UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestUriTooLong));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }
}
