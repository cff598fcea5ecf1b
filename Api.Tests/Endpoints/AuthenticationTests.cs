using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

public sealed class AuthenticationTests
{
    private ScorecardFactory factory = null!;

    [OneTimeSetUp]
    public void Start() => factory = new ScorecardFactory();

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    /// <summary>Every route the app maps under /api, with parameters filled in.</summary>
    private IEnumerable<(string Method, string Path)> ApiRoutes()
    {
        using var client = factory.CreateClient();
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api", StringComparison.Ordinal))
            {
                continue;
            }

            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", "x");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                yield return (method, path);
            }
        }
    }

    [Test]
    public async Task EveryApiRoute_WhenNoKey_Is401Problem()
    {
        using var client = factory.CreateClient();
        var routes = ApiRoutes().ToList();
        Assert.That(routes, Has.Count.GreaterThanOrEqualTo(15));
        foreach (var (method, path) in routes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = ProblemAssert.Json("[]"),
            };
            var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{method} {path}");
            Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Basic"), $"{method} {path}");
        }
    }

    [Test]
    public async Task EveryApiRoute_WhenWrongKey_Is401()
    {
        using var client = factory.ClientWithKey("sc_aaaaaaaaaaaa_not-a-real-secret");
        foreach (var (method, path) in ApiRoutes())
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = ProblemAssert.Json("[]"),
            };
            var response = await client.SendAsync(request);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{method} {path}");
        }
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/openapi/v1.yaml")]
    [TestCase("/swagger/index.html")]
    public async Task OpenRoutes_WhenNoKey_Answer200(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task BasicAuth_WhenKeyIsThePassword_IsAccepted()
    {
        using var client = factory.BasicClient(ScorecardFactory.AdminKey);

        var response = await client.GetAsync("/api/indicators");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task BasicAuth_WhenPasswordIsWrong_Is401()
    {
        using var client = factory.BasicClient("wrong");

        var response = await client.GetAsync("/api/indicators");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Responses_Always_CarrySecurityHeaders()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
    }
}
