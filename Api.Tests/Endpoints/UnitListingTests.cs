using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// README "Listing units": GET /api/units filters by level, parent, a date on which a unit is active and a
/// name typed with or without accents, and pages with top/skip and a Link to the next page.
/// </summary>
public sealed class UnitListingTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        var response = await Admin.PutAsync(
            "/api/units",
            ProblemAssert.Json(
                """
                [
                  {"code":"DN","name":"Thành phố Đà Nẵng","level":"province","kind":"locality"},
                  {"code":"DN.HC","name":"Quận Hải Châu","level":"district","kind":"locality","parentCode":"DN"},
                  {"code":"DN.HC.1","name":"Phường Hòa Cường Bắc","level":"commune","kind":"locality",
                      "parentCode":"DN.HC"},
                  {"code":"DN.HC.2","name":"Phường Thạch Thang","level":"commune","kind":"locality",
                      "parentCode":"DN.HC","validTo":"2025-06-30"},
                  {"code":"DN.HV","name":"Huyện Hòa Vang","level":"district","kind":"locality","parentCode":"DN"},
                  {"code":"DN.HV.1","name":"Xã Hòa Bắc","level":"commune","kind":"locality","parentCode":"DN.HV"},
                  {"code":"DN.HV.2","name":"Xã Đà Sơn mới","level":"commune","kind":"locality","parentCode":"DN.HV",
                      "validFrom":"2025-07-01"},
                  {"code":"DN.SNV","name":"Sở Nội vụ","level":"province","kind":"agency","parentCode":"DN"}
                ]
                """
            )
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [TestCase("", "DN,DN.HC,DN.HC.1,DN.HC.2,DN.HV,DN.HV.1,DN.HV.2,DN.SNV")]
    [TestCase("?level=district", "DN.HC,DN.HV")]
    [TestCase("?level=commune&parentCode=DN.HV", "DN.HV.1,DN.HV.2")]
    [TestCase("?parentCode=DN", "DN.HC,DN.HV,DN.SNV")]
    [TestCase("?validOn=2025-06-30&level=commune", "DN.HC.1,DN.HC.2,DN.HV.1")]
    [TestCase("?validOn=2025-07-01&level=commune", "DN.HC.1,DN.HV.1,DN.HV.2")]
    [TestCase("?q=da nang", "DN")]
    [TestCase("?q=%C4%90%C3%80", "DN,DN.HV.2")]
    [TestCase("?q=hoa", "DN.HC.1,DN.HV,DN.HV.1")]
    [TestCase("?q=hoa bac", "DN.HV.1")]
    [TestCase("?q=HÒA%20VANG", "DN.HV")]
    [TestCase("?q=hoa&level=commune&parentCode=DN.HV", "DN.HV.1")]
    [TestCase("?q=saigon", "")]
    [TestCase("?q=", "DN,DN.HC,DN.HC.1,DN.HC.2,DN.HV,DN.HV.1,DN.HV.2,DN.SNV")]
    public async Task ListUnits_WithFilters_ListsTheMatchingUnitsParentsFirst(string query, string codes)
    {
        using var response = await Admin.GetAsync(new Uri("/api/units" + query, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(string.Join(",", await CodesAsync(response)), Is.EqualTo(codes));
        Assert.That(response.Headers.Contains("Link"), Is.False, "one page holds them all");
    }

    [Test]
    public async Task ListUnits_WithTop_LinksToTheNextPageUntilTheLast()
    {
        var pages = new List<string>();
        var url = "/api/units?level=commune&top=2";
        for (var i = 0; i < 5 && url is not null; i++)
        {
            using var response = await Admin.GetAsync(new Uri(url, UriKind.Relative));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            pages.Add(string.Join(",", await CodesAsync(response)));
            url = response.Headers.TryGetValues("Link", out var link) ? NextOf(link.Single()) : null;
        }

        Assert.That(pages, Is.EqualTo(new[] { "DN.HC.1,DN.HC.2", "DN.HV.1,DN.HV.2" }));
    }

    [Test]
    public async Task ListUnits_WithTopAndSkip_AnswersThatPageWithItsFiltersInTheLink()
    {
        using var response = await Admin.GetAsync(new Uri("/api/units?q=hoa&skip=1&top=1", UriKind.Relative));

        Assert.That(string.Join(",", await CodesAsync(response)), Is.EqualTo("DN.HV"));
        Assert.That(
            response.Headers.GetValues("Link").Single(),
            Is.EqualTo("</api/units?q=hoa&top=1&skip=2>; rel=\"next\"")
        );
    }

    [Test]
    public async Task ListUnits_ForAKeyLimitedToADistrict_FiltersWithinItsSubtree()
    {
        using var scoped = Factory.ClientWithKey(await KeyAsync("DN.HV"));

        using var communes = await scoped.GetAsync(new Uri("/api/units?level=commune", UriKind.Relative));
        using var outside = await scoped.GetAsync(new Uri("/api/units?parentCode=DN.HC", UriKind.Relative));

        Assert.That(await CodesAsync(communes), Is.EqualTo(new[] { "DN.HV.1", "DN.HV.2" }));
        var problem = await ProblemAssert.IsProblemAsync(outside, HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'DN.HC'"));
    }

    [TestCase("?level=ward", HttpStatusCode.BadRequest, "'level' must be one of: province, district, commune")]
    [TestCase("?parentCode=NOPE", HttpStatusCode.NotFound, "'NOPE'")]
    [TestCase("?validOn=30/06/2025", HttpStatusCode.BadRequest, "'validOn' must be a date such as 2025-01-31")]
    [TestCase("?top=0", HttpStatusCode.BadRequest, "'top' must be from 1 to 10000 (default 1000)")]
    [TestCase("?top=10001", HttpStatusCode.BadRequest, "'top' must be from 1 to 10000")]
    [TestCase("?skip=-1", HttpStatusCode.BadRequest, "'skip' from 0 to 1000000")]
    [TestCase("?top=many", HttpStatusCode.BadRequest, "'top' must be a whole number")]
    [TestCase("?name=hoa", HttpStatusCode.BadRequest, "Unknown query parameter 'name'")]
    [TestCase("?parent=DN&lvl=district", HttpStatusCode.BadRequest, "Unknown query parameters 'parent', 'lvl'")]
    public async Task ListUnits_WithABadParameter_IsAProblemNamingIt(string query, HttpStatusCode status, string says)
    {
        using var response = await Admin.GetAsync(new Uri("/api/units" + query, UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(response, status);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(says));
    }

    [Test]
    public async Task ListUnits_WithAnOverlongQuery_IsA400()
    {
        using var response = await Admin.GetAsync(new Uri("/api/units?q=" + new string('a', 101), UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'q' holds at most 100 characters"));
    }

    [Test]
    public async Task UnknownParameter_NamesTheParametersTheRouteTakes()
    {
        using var response = await Admin.GetAsync(new Uri("/api/units?Level=district&levle=x", UriKind.Relative));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(
            problem.GetProperty("detail").GetString(),
            Is.EqualTo(
                "Unknown query parameter 'levle'; "
                    + "this route takes 'level', 'parentCode', 'q', 'skip', 'top', 'validOn'."
            )
        );
        Assert.That(problem.GetProperty("errors").GetProperty("levle")[0].GetString(), Does.Contain("Unknown"));
    }

    private async Task<string> KeyAsync(string unitCode)
    {
        using var created = await Admin.PostAsJsonAsync(
            "/api/keys",
            new
            {
                name = "district portal",
                role = "analyst",
                unitCode,
            }
        );
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private static async Task<List<string>> CodesAsync(HttpResponseMessage response) =>
        [
            .. (await response.Content.ReadFromJsonAsync<JsonElement>())
                .EnumerateArray()
                .Select(u => u.GetProperty("code").GetString()!),
        ];

    private static string NextOf(string link) => link[1..link.IndexOf('>', StringComparison.Ordinal)];
}
