using System.Net;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

public sealed class RateLimitTests
{
    [Test]
    public async Task Requests_BeyondTheKeysAllowance_Are429WithRetryAfter()
    {
        using var factory = new ScorecardFactory(
            new() { ["RateLimit:RequestsPerSecond"] = "1", ["RateLimit:Burst"] = "3" }
        );
        using var admin = factory.AdminClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            var response = await admin.GetAsync("/api/indicators");
            statuses.Add(response.StatusCode);
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.That(statuses.Take(3), Has.All.EqualTo(HttpStatusCode.OK));
        Assert.That(limited, Is.Not.Null, string.Join(", ", statuses));
        Assert.That(limited!.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
    }

    [Test]
    public async Task HealthProbes_AreNeverLimited()
    {
        using var factory = new ScorecardFactory(
            new() { ["RateLimit:RequestsPerSecond"] = "1", ["RateLimit:Burst"] = "1" }
        );
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [TestCase("/HEALTH/live")]
    [TestCase("/Health/Ready")]
    public async Task HealthProbes_WhateverTheCaseOfThePath_AreNeverLimited(string path)
    {
        using var factory = new ScorecardFactory(
            new() { ["RateLimit:RequestsPerSecond"] = "1", ["RateLimit:Burst"] = "1" }
        );
        using var client = factory.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.That((await client.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK), $"request {i + 1}");
        }
    }
}
