using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Endpoints.OData;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Hosting;

/// <summary>
/// Behind a reverse proxy, next links and context URLs carry the address clients use: the forwarded headers of a
/// known proxy, or the configured public base URL; an unknown Host or a forwarded host from an unknown proxy is
/// never written back. Feed pages hold 100 of <see cref="FeedDataset"/>'s 247 dossiers here.
/// </summary>
public sealed class ReverseProxyTests
{
    private const string Page = "/odata/Dossiers?$select=Code&$top=150";

    [Test]
    public async Task NextLink_FromAKnownProxy_UsesTheForwardedSchemeHostAndPrefix()
    {
        using var factory = Factory(
            new() { ["Proxy:KnownProxies:0"] = "10.0.0.5", ["AllowedHosts"] = "*" },
            "10.0.0.5"
        );
        var page = await ReadAsync(
            factory,
            ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Host", "scorecard.example"),
            ("X-Forwarded-Prefix", "/qa")
        );

        Assert.That(page.Context, Does.StartWith("https://scorecard.example/qa/odata/$metadata#Dossiers"));
        Assert.That(page.Next, Does.StartWith("https://scorecard.example/qa/odata/Dossiers?"));
    }

    [Test]
    public async Task NextLink_FromAnUnknownProxy_IgnoresForwardedHeaders()
    {
        using var factory = Factory(
            new() { ["Proxy:KnownProxies:0"] = "10.0.0.5", ["AllowedHosts"] = "*" },
            "10.9.9.9"
        );
        var page = await ReadAsync(factory, ("X-Forwarded-Proto", "https"), ("X-Forwarded-Host", "evil.example"));

        Assert.That(page.Next, Does.StartWith("http://localhost/odata/Dossiers?"));
    }

    [Test]
    public async Task NextLink_WithAPublicBaseUrl_UsesItWhateverTheRequestSays()
    {
        using var factory = Factory(new() { ["Proxy:PublicBaseUrl"] = "https://scorecard.example:8443/root/" }, null);
        var page = await ReadAsync(factory, ("X-Forwarded-Host", "evil.example"));

        Assert.That(page.Context, Does.StartWith("https://scorecard.example:8443/root/odata/$metadata#Dossiers"));
        Assert.That(page.Next, Does.StartWith("https://scorecard.example:8443/root/odata/Dossiers?"));
    }

    [Test]
    public async Task Request_WithAHostNotAllowed_IsRefused()
    {
        using var factory = new ScorecardFactory();
        using var client = factory.AdminClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Units");
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("evil.example"));
    }

    [TestCase("Proxy:KnownProxies:0", "proxy.local")]
    [TestCase("Proxy:KnownNetworks:0", "10.0.0.0/99")]
    [TestCase("Proxy:PublicBaseUrl", "ftp://scorecard.example")]
    public void StartUp_WithAnInvalidProxySetting_FailsNamingIt(string setting, string value)
    {
        using var factory = new ScorecardFactory(new() { [setting] = value });

        var failure = Assert.Catch(() => factory.CreateClient().Dispose());

        Assert.That(failure!.ToString(), Does.Contain(setting.Split(':')[0] + ":" + setting.Split(':')[1]));
    }

    private static ScorecardFactory Factory(Dictionary<string, string?> settings, string? remoteAddress) =>
        new(settings)
        {
            ConfigureHost = builder =>
                builder.ConfigureServices(services =>
                    services.AddSingleton<IStartupFilter>(new RemoteAddress(remoteAddress))
                ),
        };

    private static async Task<(string Context, string Next)> ReadAsync(
        ScorecardFactory factory,
        params (string Name, string Value)[] headers
    )
    {
        using var admin = factory.AdminClient();
        await FeedDataset.SeedAsync(admin);
        using var request = new HttpRequestMessage(HttpMethod.Get, Page);
        request.Headers.Add("Prefer", "odata.maxpagesize=100");
        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        using var response = await admin.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var page = JsonDocument.Parse(body).RootElement;
        return (page.GetProperty("@odata.context").GetString()!, page.GetProperty("@odata.nextLink").GetString()!);
    }

    /// <summary>The peer address a request seems to come from (the in-process server has none).</summary>
    private sealed class RemoteAddress(string? address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                if (address is not null)
                {
                    app.Use(
                        (context, nextMiddleware) =>
                        {
                            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                            return nextMiddleware(context);
                        }
                    );
                }

                next(app);
            };
    }
}
