using System.Net;
using Scorecard.Api.Auth;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// README "Public figures": with <c>Auth:PublicRead</c> on, visitors without a key read the aggregated figures under
/// a stricter allowance per client address; a key that is sent must still be valid. What each route answers them is
/// in <see cref="SecurityMatrix"/> (kind PublicVisitor).
/// </summary>
public sealed class PublicReadTests
{
    [Test]
    public void PublicRoutes_AreExactlyThoseTheMatrixClassifiesAsPublic()
    {
        var classified = SecurityMatrix
            .Routes.Where(r => r.Value.Public)
            .Select(r => r.Key)
            .Where(k => k.StartsWith("GET ", StringComparison.Ordinal))
            .Select(k => k["GET ".Length..]);

        Assert.That(PublicRead.Routes, Is.EquivalentTo(classified));
    }

    [Test]
    public async Task Visitor_BeyondThePublicAllowance_Is429WhileKeysKeepTheirOwn()
    {
        using var factory = new ScorecardFactory(
            new()
            {
                ["Auth:PublicRead"] = "true",
                ["RateLimit:PublicRequestsPerSecond"] = "1",
                ["RateLimit:PublicBurst"] = "2",
            }
        );
        using var visitor = factory.ClientWithKey(null);
        using var admin = factory.AdminClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await visitor.GetAsync(new Uri("/api/indicators", UriKind.Relative));
            statuses.Add(response.StatusCode);
            limited ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        using var keyed = await admin.GetAsync(new Uri("/api/indicators", UriKind.Relative));

        Assert.That(statuses.Take(2), Has.All.EqualTo(HttpStatusCode.OK), string.Join(", ", statuses));
        Assert.That(limited, Is.Not.Null, string.Join(", ", statuses));
        Assert.That(limited!.Headers.RetryAfter, Is.Not.Null);
        var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("reads without a key"));
        Assert.That(keyed.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a key has its own allowance");
    }

    [TestCase("sc_aaaaaaaaaaaa_not-a-real-secret")]
    [TestCase("nonsense")]
    public async Task PublicRoute_WithAnInvalidKey_Is401EvenWithPublicReadOn(string key)
    {
        using var factory = new ScorecardFactory(new() { ["Auth:PublicRead"] = "true" });
        using var client = factory.ClientWithKey(key);

        using var response = await client.GetAsync(new Uri("/api/indicators", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task PublicRoute_WhenPublicReadIsOff_Is401WithoutAKey()
    {
        using var factory = new ScorecardFactory();
        using var visitor = factory.ClientWithKey(null);

        using var response = await visitor.GetAsync(new Uri("/api/indicators", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
