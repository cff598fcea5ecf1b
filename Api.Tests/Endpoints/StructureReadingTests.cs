using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// The test province reorganised on 1 July 2025: districts P.A and P.B end on 30 June without successor; communes
/// P.A.1 and P.A.2 merge into N.1; P.B.1 splits into N.2 and N.3, N.3 its primary successor. Six dossiers of 2025,
/// each received in person: X1 P.A.1 (10 June), X2 P.A.2 (12 June), X3 P.B.1 (16 June), X4 the district P.A itself
/// (17 June), X5 N.1 (10 July), X6 N.2 (11 July).
/// </summary>
public sealed class StructureReadingTests : ApiFixture
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
                      {"code":"N.1","name":"Xã mới 1","level":"commune","kind":"locality","parentCode":"P",
                          "validFrom":"2025-07-01"},
                      {"code":"N.2","name":"Xã mới 2","level":"commune","kind":"locality","parentCode":"P",
                          "validFrom":"2025-07-01"},
                      {"code":"N.3","name":"Xã mới 3","level":"commune","kind":"locality","parentCode":"P",
                          "validFrom":"2025-07-01"},
                      {"code":"P.A","name":"Huyện A","level":"district","kind":"locality","parentCode":"P",
                          "validTo":"2025-06-30"},
                      {"code":"P.B","name":"Huyện B","level":"district","kind":"locality","parentCode":"P",
                          "validTo":"2025-06-30"},
                      {"code":"P.A.1","name":"Xã A1","level":"commune","kind":"locality","parentCode":"P.A",
                          "validTo":"2025-06-30","successorCodes":["N.1"]},
                      {"code":"P.A.2","name":"Xã A2","level":"commune","kind":"locality","parentCode":"P.A",
                          "validTo":"2025-06-30","successorCodes":["N.1"]},
                      {"code":"P.B.1","name":"Xã B1","level":"commune","kind":"locality","parentCode":"P.B",
                          "validTo":"2025-06-30","successorCodes":["N.2","N.3"],"primarySuccessor":"N.3"}
                    ]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        static object R(string id, string unit, string at) =>
            new
            {
                id = id + "-r",
                dossierCode = id,
                type = "received",
                at,
                procedureCode = "1.000001",
                unitCode = unit,
                channel = "direct",
            };
        var response = await TestProvince.PostAsync(
            Admin,
            R("X1", "P.A.1", "2025-06-10T08:00:00+07:00"),
            R("X2", "P.A.2", "2025-06-12T08:00:00+07:00"),
            R("X3", "P.B.1", "2025-06-16T08:00:00+07:00"),
            R("X4", "P.A", "2025-06-17T08:00:00+07:00"),
            R("X5", "N.1", "2025-07-10T08:00:00+07:00"),
            R("X6", "N.2", "2025-07-11T08:00:00+07:00"),
            R("X7", "P.A.1", "2025-07-15T08:00:00+07:00")
        );
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(6), result.ToString());
        // X7: P.A.1 ended on 30 June.
        var rejected = result.GetProperty("rejected")[0];
        Assert.That(rejected.GetProperty("id").GetString(), Is.EqualTo("X7-r"));
        Assert.That(
            rejected.GetProperty("errors")[0].GetProperty("message").GetString(),
            Is.EqualTo(
                "Unit 'P.A.1' is not active on 2025-07-15: it is valid from the start to 2025-06-30; its successors: "
                    + "N.1 (primary N.1)."
            )
        );
    }

    private async Task<Dictionary<string, long>> MapAsync(string query)
    {
        var map = await Admin.GetFromJsonAsync<JsonElement>(
            $"/api/map?indicator=channel-direct&period=2025&parentCode=P&{query}"
        );
        return map.GetProperty("units")
            .EnumerateArray()
            .ToDictionary(u => u.GetProperty("code").GetString()!, u => u.GetProperty("denominator").GetInt64());
    }

    private static async Task<long> ReceivedAsync(HttpClient client, string unit, string query)
    {
        var card = await client.GetFromJsonAsync<JsonElement>($"/api/scorecards/{unit}?period=2025&{query}");
        return card.GetProperty("indicators")
            .EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "channel-direct")
            .GetProperty("denominator")
            .GetInt64();
    }

    [Test]
    public async Task Map_AsOfAPeriodStraddlingTheReform_ListsTheOldUnitsAndTheNew()
    {
        Assert.That(
            await MapAsync("level=commune"),
            Is.EquivalentTo(
                new Dictionary<string, long>
                {
                    ["P.A.1"] = 1,
                    ["P.A.2"] = 1,
                    ["P.B.1"] = 1,
                    ["N.1"] = 1,
                    ["N.2"] = 1,
                    ["N.3"] = 0,
                }
            )
        );
        Assert.That(
            await MapAsync("level=district"),
            Is.EquivalentTo(new Dictionary<string, long> { ["P.A"] = 3, ["P.B"] = 1 })
        );
        // 2026: the districts and the old communes have ended.
        var map2026 = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=channel-direct&period=2026&parentCode=P&level=district"
        );
        Assert.That(map2026.GetProperty("units").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Map_InTodaysStructure_CarriesHistoryToTheSuccessors()
    {
        // N.1 holds P.A.1 and P.A.2 (X1, X2) besides its own X5; N.3, the primary successor, holds P.B.1 (X3).
        Assert.That(
            await MapAsync("level=commune&structure=current"),
            Is.EquivalentTo(
                new Dictionary<string, long>
                {
                    ["N.1"] = 3,
                    ["N.2"] = 1,
                    ["N.3"] = 1,
                }
            )
        );
        Assert.That(await MapAsync("level=district&structure=current"), Is.Empty);
        var map = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=channel-direct&period=2025&parentCode=P&level=commune&structure=current"
        );
        Assert.That(map.GetProperty("structure").GetProperty("reading").GetString(), Is.EqualTo("current"));
    }

    [TestCase("")]
    [TestCase("structure=as-of")]
    [TestCase("structure=current")]
    [TestCase("structure=2025-01-01")]
    public async Task Scorecard_OfTheProvince_IsTheSameInEveryReading(string query)
    {
        // X4, received by the abolished district itself, reaches the province in every reading.
        Assert.That(await ReceivedAsync(Admin, "P", query), Is.EqualTo(6));
    }

    [Test]
    public async Task Scorecard_OfAnEndedUnitInTodaysStructure_IsA400NamingItsHolder()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync("/api/scorecards/P.A.1?period=2025&structure=current"),
            HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("held by 'N.1'"));
    }

    [Test]
    public async Task Scorecard_WithAKeyOfANewCommune_SeesItsPredecessorsHistoryOnly()
    {
        var created = await (
            await Admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "N1",
                    role = "analyst",
                    unitCode = "N.1",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        using var n1 = Factory.ClientWithKey(created.GetProperty("key").GetString());

        Assert.That(await ReceivedAsync(n1, "N.1", "structure=current"), Is.EqualTo(3));
        Assert.That(await ReceivedAsync(n1, "N.1", ""), Is.EqualTo(1), "as of 2025: its own dossier");
        Assert.That(
            (await n1.GetAsync("/api/scorecards/N.2?period=2025&structure=current")).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden)
        );
    }

    [TestCase("structure=later")]
    [TestCase("structure=2025-02-30")]
    public async Task Scorecard_WithAnUnknownStructure_IsA400(string query)
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync($"/api/scorecards/P?period=2025&{query}"),
            HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'structure'"));
    }

    [Test]
    public async Task Targets_ForAnEndedUnit_OnlyForPeriodsItLivedIn_AndStayReadable()
    {
        var refused = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync(
                "/api/targets",
                ProblemAssert.Json(
                    """[{"unitCode":"P.A.1","indicator":"on-time","period":"2026-H1","target":80,"assignedBy":"P"}]"""
                )
            ),
            HttpStatusCode.BadRequest
        );
        (
            await Admin.PutAsync(
                "/api/targets",
                ProblemAssert.Json(
                    """[{"unitCode":"P.A.1","indicator":"on-time","period":"2025-H1","target":80,"assignedBy":"P"}]"""
                )
            )
        ).EnsureSuccessStatusCode();

        Assert.That(refused.ToString(), Does.Contain("the unit is not valid on any day of the period"));
        var listed = await Admin.GetFromJsonAsync<JsonElement>("/api/targets?unitCode=P.A.1");
        Assert.That(listed.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task UnitsFeed_ShowsValidityAndPrimarySuccessor()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/Units?$filter=PrimarySuccessor ne null&$select=Code,ValidTo,PrimarySuccessor&$orderby=Code"
        );

        // P.A.1 and P.A.2 have one successor each (primary by default), P.B.1 names N.3 among two.
        Assert.That(
            page.GetProperty("value")
                .EnumerateArray()
                .Select(u => (u.GetProperty("Code").GetString(), u.GetProperty("PrimarySuccessor").GetString())),
            Is.EqualTo(new[] { ("P.A.1", "N.1"), ("P.A.2", "N.1"), ("P.B.1", "N.3") })
        );
        Assert.That(page.GetProperty("value")[0].GetProperty("ValidTo").GetString(), Is.EqualTo("2025-06-30"));
    }

    [Test]
    public async Task Series_InTodaysStructure_CarriesEachMonthToTheSuccessor()
    {
        var asOf = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/series?unitCode=N.1&indicator=channel-direct&from=2025-06-01&to=2025-07-31&interval=month"
        );
        var current = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/series?unitCode=N.1&indicator=channel-direct&from=2025-06-01&to=2025-07-31&interval=month"
                + "&structure=current"
        );

        static long[] Received(JsonElement series) =>
            [.. series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("denominator").GetInt64())];
        // As of each month N.1 has nothing in June (it did not exist) and X5 in July; in today's structure June holds
        // X1 and X2 of P.A.1 and P.A.2, whose duties N.1 took.
        Assert.That(Received(asOf), Is.EqualTo(new long[] { 0, 1 }));
        Assert.That(Received(current), Is.EqualTo(new long[] { 2, 1 }));
        Assert.That(current.GetProperty("structure").GetProperty("reading").GetString(), Is.EqualTo("current"));
    }

    [Test]
    public async Task Series_OfAnEndedUnitInTodaysStructure_IsA400NamingItsHolder()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync(
                "/api/series?unitCode=P.A.1&indicator=channel-direct&from=2025-06-01&to=2025-06-30&structure=current"
            ),
            System.Net.HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("N.1"));
    }
}
