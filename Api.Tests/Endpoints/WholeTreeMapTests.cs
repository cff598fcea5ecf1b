using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// Two roots, as in a national deployment: the test province P (communes P.A.1, P.A.2, P.B.1) and a second province
/// Q (communes Q.1, Q.2, and an agency Q.S at the province's level). Dossiers of 2025: two received in person at
/// P.A.1; at Q.1 one in person and one online. So the share received in person (channel-direct) is 2 of 2 for P
/// and 1 of 2 for Q.
/// </summary>
public sealed class WholeTreeMapTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await Admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """
                    [
                      {"code":"Q","name":"Tỉnh Q","level":"province","kind":"locality"},
                      {"code":"Q.1","name":"Xã Q1","level":"commune","kind":"locality","parentCode":"Q"},
                      {"code":"Q.2","name":"Xã Q2","level":"commune","kind":"locality","parentCode":"Q"},
                      {"code":"Q.S","name":"Sở Q","level":"province","kind":"agency","parentCode":"Q"}
                    ]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        static object R(string id, string unit, string channel) =>
            new
            {
                id = id + "-r",
                dossierCode = id,
                type = "received",
                at = "2025-03-10T08:00:00+07:00",
                procedureCode = "1.000001",
                unitCode = unit,
                channel,
            };
        var response = await TestProvince.PostAsync(
            Admin,
            R("X1", "P.A.1", "direct"),
            R("X2", "P.A.1", "direct"),
            R("X3", "Q.1", "direct"),
            R("X4", "Q.1", "online")
        );
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(4), result.ToString());
    }

    private async Task<Dictionary<string, (long Numerator, long Denominator)>> MapAsync(string query)
    {
        var map = await Admin.GetFromJsonAsync<JsonElement>($"/api/map?indicator=channel-direct&period=2025&{query}");
        return map.GetProperty("units")
            .EnumerateArray()
            .ToDictionary(
                u => u.GetProperty("code").GetString()!,
                u => (u.GetProperty("numerator").GetInt64(), u.GetProperty("denominator").GetInt64())
            );
    }

    [Test]
    public async Task Map_WithoutAParent_ListsTheCommunesOfEveryRoot()
    {
        Assert.That(
            await MapAsync("level=commune"),
            Is.EquivalentTo(
                new Dictionary<string, (long, long)>
                {
                    ["P.A.1"] = (2, 2),
                    ["P.A.2"] = (0, 0),
                    ["P.B.1"] = (0, 0),
                    ["Q.1"] = (1, 2),
                    ["Q.2"] = (0, 0),
                }
            )
        );
    }

    [Test]
    public async Task Map_WithoutAParent_ListsTheRootsThemselvesAtTheirLevel()
    {
        // P.S is a province-level agency whose life ended before 2025: not listed. Q.S is listed unless the
        // query asks for localities only.
        Assert.That(
            await MapAsync("level=province"),
            Is.EquivalentTo(
                new Dictionary<string, (long, long)>
                {
                    ["P"] = (2, 2),
                    ["Q"] = (1, 2),
                    ["Q.S"] = (0, 0),
                }
            )
        );
        Assert.That(
            await MapAsync("level=province&kind=locality"),
            Is.EquivalentTo(new Dictionary<string, (long, long)> { ["P"] = (2, 2), ["Q"] = (1, 2) })
        );
        Assert.That(
            await MapAsync("level=province&kind=agency"),
            Is.EquivalentTo(new Dictionary<string, (long, long)> { ["Q.S"] = (0, 0) })
        );
    }

    [Test]
    public async Task Map_WithAParent_StaysUnderIt()
    {
        Assert.That(
            await MapAsync("level=commune&parentCode=Q"),
            Is.EquivalentTo(new Dictionary<string, (long, long)> { ["Q.1"] = (1, 2), ["Q.2"] = (0, 0) })
        );
    }

    [Test]
    public async Task Map_WithoutAParentInTodaysStructure_ListsTheCommunesOfEveryRoot()
    {
        var map = await MapAsync("level=commune&structure=current");
        Assert.That(map["P.A.1"], Is.EqualTo((2L, 2L)));
        Assert.That(map["Q.1"], Is.EqualTo((1L, 2L)));
    }

    [Test]
    public async Task Rankings_WithoutAParent_RankTheProvinces()
    {
        var items = await RankingItems.ReadAsync(
            Admin,
            "/api/rankings?indicator=channel-direct&period=2025&level=province&kind=locality"
        );
        Assert.That(items, Is.EqualTo(new[] { (1, "P", 100m), (2, "Q", 50m) }));
    }

    [Test]
    public async Task Map_WithAnUnknownKind_IsABadRequest()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync("/api/map?indicator=channel-direct&period=2025&level=province&kind=ward"),
            System.Net.HttpStatusCode.BadRequest
        );
        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("'kind' must be one of: locality, agency."));
    }

    [Test]
    public async Task Index_OfAProvinceWithoutAParent_RanksItAmongTheProvinces()
    {
        var ranking = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/rankings?indicator=index&period=2025&level=province&kind=locality"
        );
        var ranks = ranking
            .GetProperty("items")
            .EnumerateArray()
            .ToDictionary(i => i.GetProperty("code").GetString()!, i => i.GetProperty("rank").GetInt32());
        Assert.That(ranks.Keys, Is.EquivalentTo(new[] { "P", "Q" }));
        foreach (var province in ranks.Keys)
        {
            var index = await Admin.GetFromJsonAsync<JsonElement>($"/api/index/{province}?period=2025");
            var rank = index.GetProperty("rank");
            Assert.That(rank.GetProperty("rank").GetInt32(), Is.EqualTo(ranks[province]), province);
            Assert.That(rank.GetProperty("of").GetInt32(), Is.EqualTo(2), province);
        }
    }
}
