using System.Globalization;
using System.Net;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>The feeds are JSON: a request that asks only for another format is answered 406 with an OData error,
/// not with JSON it did not ask for; $metadata stays XML.</summary>
public sealed class FeedFormatTests : ApiFixture
{
    protected override Task SeedAsync() => TestProvince.SeedAsync(Admin);

    [TestCase("/odata/Units?$format=xml", null, "$format=xml")]
    [TestCase("/odata/Units?$format=atom", null, "$format=atom")]
    [TestCase("/odata/Units?$format=application/atom%2Bxml", null, "$format=application/atom+xml")]
    [TestCase("/odata/Units('P.A')?$format=xml", null, "$format=xml")]
    [TestCase("/odata/Units/$count?$format=xml", null, "$format=xml")]
    [TestCase("/odata?$format=xml", null, "$format=xml")]
    [TestCase("/odata/Units", "text/html", "Accept: text/html")]
    [TestCase("/odata/Units('P.A')", "application/xml", "Accept: application/xml")]
    [TestCase("/odata/Units", "text/html, application/json;q=0", "Accept: text/html")]
    public async Task Request_ForAnotherFormatOnly_Is406WithAnODataError(string url, string? accept, string named)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Admin.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("NotAcceptable"));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain(named).And.Contain("JSON"));
    }

    [TestCase("/odata/Units?$format=json", null)]
    [TestCase("/odata/Units?$format=application/json;odata.metadata=full", null)]
    [TestCase("/odata/Units", "text/html,application/xhtml+xml,*/*;q=0.8")]
    [TestCase("/odata/Units", "application/json;odata.metadata=minimal;q=1.0,application/atom+xml;q=0.8")]
    [TestCase("/odata/Units('P.A')", "application/*")]
    public async Task Request_AcceptingJson_IsServed(string url, string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
    }

    [TestCase("text/plain", "true")]
    [TestCase("text/plain", "false")]
    [TestCase("text/*", "true")]
    [TestCase("text/plain;q=0.7, application/atom+xml", "true")]
    public async Task Count_AcceptingPlainText_IsServed(string accept, string writeDirectly)
    {
        using var factory = new ScorecardFactory(new() { ["OData:WriteJsonDirectly"] = writeDirectly });
        using var admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Units/$count");
        request.Headers.TryAddWithoutValidation("Accept", accept);

        using var response = await admin.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
        Assert.That(long.Parse(body, CultureInfo.InvariantCulture), Is.GreaterThan(0));
    }

    [Test]
    public async Task Count_AcceptingNeitherPlainTextNorJson_Is406NamingPlainText()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Units/$count");
        request.Headers.TryAddWithoutValidation("Accept", "text/html");

        using var response = await Admin.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable), body);
        var message = JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString();
        Assert.That(message, Does.Contain("Accept: text/html").And.Contain("text/plain"));
    }

    [TestCase(null)]
    [TestCase("application/xml")]
    public async Task Metadata_AskedForAsXml_IsXml(string? accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/$metadata");
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await Admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/xml"));
    }
}
