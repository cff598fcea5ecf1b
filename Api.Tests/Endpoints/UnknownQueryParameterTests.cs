using System.Net;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// A query parameter the route does not read is a 400 naming it, on every route of the JSON API (each of
/// <see cref="SecurityMatrix"/>); the feeds answer with OData's own checks, and the parameters each route
/// documents still bind.
/// </summary>
public sealed class UnknownQueryParameterTests : ApiFixture
{
    protected override Task SeedAsync() => TestProvince.SeedAsync(Admin);

    public static IEnumerable<TestCaseData> JsonRoutes() =>
        SecurityMatrix
            .Routes.Where(r => r.Key.Contains(" /api", StringComparison.Ordinal))
            .Select(r => new TestCaseData(r.Key.Split(' ')[0], r.Value.Url).SetArgDisplayNames(r.Key));

    [TestCaseSource(nameof(JsonRoutes))]
    public async Task Route_WithAnUnknownQueryParameter_Is400NamingIt(string method, string url)
    {
        using var request = new HttpRequestMessage(
            new HttpMethod(method),
            url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "colour=red"
        );
        request.Content = method is "PUT" or "POST" ? ProblemAssert.Json("[]") : null;

        using var response = await Admin.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("Unknown query parameter 'colour'"));
    }

    [TestCase("/api/procedures?level=commune")]
    [TestCase("/api/calendar?from=2025-01-01&to=2025-01-31")]
    [TestCase("/api/series?unitCode=P&indicator=on-time&from=2025-03-01&to=2025-03-31&interval=week&scope=self")]
    [TestCase("/api/scorecards/P?period=2025&scope=self&rule=national")]
    [TestCase("/api/map?indicator=on-time&period=2025&parentCode=P&level=district&rule=finished")]
    [TestCase("/api/rankings?indicator=score&period=2025&parentCode=P&level=district&rule=finished")]
    [TestCase("/api/targets?period=2025&unitCode=P")]
    [TestCase("/API/UNITS?LEVEL=district&ParentCode=P")]
    public async Task Route_WithTheParametersItDocuments_Answers200(string url)
    {
        using var response = await Admin.GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Feed_WithAnUnknownQueryOption_KeepsODataValidation()
    {
        using var custom = await Admin.GetAsync(new Uri("/odata/Units?colour=red", UriKind.Relative));
        using var unknownOption = await Admin.GetAsync(new Uri("/odata/Units?$search=red", UriKind.Relative));

        Assert.That(custom.StatusCode, Is.EqualTo(HttpStatusCode.OK), "OData allows custom query options");
        Assert.That(unknownOption.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await unknownOption.Content.ReadAsStringAsync(), Does.Contain("\"error\""));
    }

    [Test]
    public async Task Route_WithAnUnknownQueryParameterAndNoKey_Is401()
    {
        using var anonymous = Factory.ClientWithKey(null);

        using var response = await anonymous.GetAsync(new Uri("/api/units?colour=red", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
