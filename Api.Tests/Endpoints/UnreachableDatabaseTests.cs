using System.Net;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>A SQL Server that cannot be reached: the service stays up, says so on /health/ready, and answers
/// 503s.</summary>
public sealed class UnreachableDatabaseTests
{
    private ScorecardFactory factory = null!;

    [OneTimeSetUp]
    public void Start() =>
        factory = new ScorecardFactory(
            new()
            {
                ["Database:Provider"] = "SqlServer",
                ["ConnectionStrings:Scorecard"] =
                    "Server=127.0.0.1,1;Database=scorecard;User Id=x;Password=y;Connect Timeout=1;Encrypt=False",
            }
        );

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [Test]
    public async Task Health_WhenTheServerIsUnreachable_IsLiveButNotReady()
    {
        using var client = factory.CreateClient();

        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var ready = await client.GetAsync("/health/ready");
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await ready.Content.ReadAsStringAsync(), Does.Contain("not available"));
    }

    [Test]
    public async Task ApiRoutes_WhenTheServerIsUnreachable_Are503WithRetryAfter()
    {
        using var admin = factory.AdminClient();

        var response = await admin.GetAsync("/api/units");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.That(response.Headers.RetryAfter, Is.Not.Null);
    }
}
