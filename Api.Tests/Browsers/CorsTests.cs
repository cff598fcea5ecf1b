using System.Net;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Browsers;

/// <summary>
/// README "Browsers": pages of the configured origins may call the API. A preflight is answered before
/// authentication (the browser sends it without the key); other origins are told nothing.
/// </summary>
public sealed class CorsTests
{
    private const string Portal = "https://portal.example.vn";

    private ScorecardFactory factory = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory(
            new() { ["Cors:AllowedOrigins:0"] = Portal, ["Cors:AllowedOrigins:1"] = "http://localhost:5173/" }
        );
        using var admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [TestCase(Portal)]
    [TestCase("http://localhost:5173")]
    public async Task Preflight_FromAnAllowedOrigin_Answers204WithoutAKey(string origin)
    {
        using var anonymous = factory.ClientWithKey(null);

        using var response = await anonymous.SendAsync(Preflight("/api/map", origin, "GET", "x-api-key"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(origin));
        Assert.That(Header(response, "Access-Control-Allow-Headers"), Does.Contain("x-api-key").IgnoreCase);
        Assert.That(Header(response, "Access-Control-Allow-Methods"), Does.Contain("GET"));
        Assert.That(Header(response, "Access-Control-Allow-Credentials"), Is.Null, "keys travel in headers");
    }

    [TestCase("Authorization")]
    [TestCase("If-None-Match")]
    [TestCase("Content-Type")]
    public async Task Preflight_ForTheHeadersAPageSends_AllowsThem(string header)
    {
        using var anonymous = factory.ClientWithKey(null);

        using var response = await anonymous.SendAsync(Preflight("/api/units", Portal, "PUT", header));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(Header(response, "Access-Control-Allow-Headers"), Does.Contain(header).IgnoreCase);
    }

    [TestCase("https://evil.example")]
    [TestCase("https://portal.example.vn.evil.example")]
    [TestCase("http://portal.example.vn")]
    public async Task Preflight_FromAnotherOrigin_CarriesNoAllowOrigin(string origin)
    {
        using var anonymous = factory.ClientWithKey(null);

        using var response = await anonymous.SendAsync(Preflight("/api/map", origin, "GET", "x-api-key"));

        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null);
        Assert.That(Header(response, "Access-Control-Allow-Headers"), Is.Null);
    }

    [Test]
    public async Task Get_FromAnAllowedOrigin_CarriesAllowOriginAndExposesTheETag()
    {
        using var admin = factory.AdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/units");
        request.Headers.Add("Origin", Portal);

        using var response = await admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(Portal));
        Assert.That(Header(response, "Access-Control-Expose-Headers"), Does.Contain("ETag"));
        Assert.That(response.Headers.Vary, Is.SupersetOf(new[] { "Origin", "Accept-Encoding", "X-Api-Key" }));
    }

    [Test]
    public async Task Get_FromAnAllowedOriginWithoutAKey_IsStill401()
    {
        using var anonymous = factory.ClientWithKey(null);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/units");
        request.Headers.Add("Origin", Portal);

        using var response = await anonymous.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.EqualTo(Portal), "the page may read why");
    }

    [Test]
    public async Task Get_FromAnotherOrigin_CarriesNoAllowOrigin()
    {
        using var admin = factory.AdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/units");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await admin.SendAsync(request);

        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null);
    }

    [Test]
    public async Task Preflight_WhenNoOriginIsConfigured_AllowsNone()
    {
        using var plain = new ScorecardFactory();
        using var anonymous = plain.ClientWithKey(null);

        using var response = await anonymous.SendAsync(Preflight("/api/map", Portal, "GET", "x-api-key"));

        Assert.That(Header(response, "Access-Control-Allow-Origin"), Is.Null);
    }

    [TestCase("portal.example.vn")]
    [TestCase("https://portal.example.vn/app")]
    [TestCase("ftp://portal.example.vn")]
    public void StartUp_WhenAnOriginIsNotAnOrigin_FailsNamingTheSetting(string origin)
    {
        using var bad = new ScorecardFactory(new() { ["Cors:AllowedOrigins:0"] = origin });

        var failure = Assert.Catch(() => bad.CreateClient().Dispose());

        Assert.That(failure!.ToString(), Does.Contain("Cors:AllowedOrigins"));
    }

    private static HttpRequestMessage Preflight(string url, string origin, string method, string header)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", header);
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;
}
