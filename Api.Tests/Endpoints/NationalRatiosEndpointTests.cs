using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Endpoints.OData;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// Every ratio of the national method through the portal routes, over six dossiers of April 2025 at the commune
/// P.A.1, worked by hand. Procedures (all of commune level but 1.000002): 1.000001 fully online, paper result, no
/// fee; 1.000003 no online service, paper result, fee, organisations; 1.000004 (added here) partial online service
/// but eligible for full online, result not paper, fee payable on the portal, citizens.
/// N1 1.000001 online, digitised, resolved with an electronic result.
/// N2 1.000001 online, VNeID-authenticated, resolved without an electronic result.
/// N3 1.000004 online, digitised, fee 50,000 paid online on the portal, resolved.
/// N4 1.000004 direct, fee waived (0), resolved, then a complaint.
/// N5 1.000003 postal, reusing digitised data, fee 20,000 paid at the counter, resolved.
/// N6 1.000001 direct, linked with the personal data store, withdrawn.
/// Everything ended within a day, in time.
/// </summary>
public sealed class NationalRatiosEndpointTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await Admin.PutAsync(
                "/api/procedures",
                ProblemAssert.Json(
                    """
                    [{"code":"1.000004","name":"Đăng ký kinh doanh hộ","field":"Kinh doanh","level":"commune",
                      "onlineService":"partial","integrated":true,"hasFee":true,"citizenApplicant":true,
                      "paperResult":false,"fullOnlineEligible":true,"onlinePaymentOnPortal":true,
                      "processingTime":{"value":3,"unit":"working-days"}}]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        static Dictionary<string, object> R(string id, string procedure, string channel, string at) =>
            new()
            {
                ["id"] = id + "-r",
                ["dossierCode"] = id,
                ["type"] = "received",
                ["at"] = at,
                ["procedureCode"] = procedure,
                ["unitCode"] = "P.A.1",
                ["channel"] = channel,
            };
        static Dictionary<string, object> With(Dictionary<string, object> e, string name, object value)
        {
            e[name] = value;
            return e;
        }
        static object E(string id, string suffix, string type, string at, params (string, object)[] fields)
        {
            var e = new Dictionary<string, object>
            {
                ["id"] = id + suffix,
                ["dossierCode"] = id,
                ["type"] = type,
                ["at"] = at,
            };
            foreach (var (name, value) in fields)
            {
                e[name] = value;
            }

            return e;
        }
        var response = await TestProvince.PostAsync(
            Admin,
            With(R("N1", "1.000001", "online", "2025-04-07T08:00:00+07:00"), "digitised", true),
            E("N1", "-f", "resolved", "2025-04-07T15:00:00+07:00", ("electronicResult", true)),
            With(R("N2", "1.000001", "online", "2025-04-07T09:00:00+07:00"), "vneidAuthenticated", true),
            E("N2", "-f", "resolved", "2025-04-08T09:00:00+07:00"),
            With(
                With(R("N3", "1.000004", "online", "2025-04-08T08:00:00+07:00"), "digitised", true),
                "feeAmount",
                50000
            ),
            E(
                "N3",
                "-p",
                "paid",
                "2025-04-08T08:10:00+07:00",
                ("method", "online"),
                ("amount", 50000),
                ("via", "portal")
            ),
            E("N3", "-f", "resolved", "2025-04-08T16:00:00+07:00"),
            With(R("N4", "1.000004", "direct", "2025-04-09T08:00:00+07:00"), "feeAmount", 0),
            E("N4", "-f", "resolved", "2025-04-09T16:00:00+07:00"),
            E("N4", "-c", "feedback", "2025-04-10T09:00:00+07:00", ("satisfied", false)),
            With(
                With(R("N5", "1.000003", "postal", "2025-04-09T09:00:00+07:00"), "reusedDigitisedData", true),
                "feeAmount",
                20000
            ),
            E("N5", "-p", "paid", "2025-04-09T09:30:00+07:00", ("method", "offline"), ("amount", 20000)),
            E("N5", "-f", "resolved", "2025-04-09T16:00:00+07:00"),
            With(R("N6", "1.000001", "direct", "2025-04-10T08:00:00+07:00"), "fromPersonalDataStore", true),
            E("N6", "-w", "withdrawn", "2025-04-10T10:00:00+07:00")
        );
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(15), result.ToString());
    }

    [TestCase("on-time", 6, 6, 100.00, "green")] // all ended in time; N6's withdrawal ends it
    [TestCase("online-submission", 2, 6, 33.33, "red")] // N1 (electronic result), N3 (not paper); not N2
    [TestCase("digitisation", 2, 6, 33.33, "red")] // N1 (with its electronic result), N3 (not paper)
    [TestCase("e-result", 1, 4, 25.00, "red")] // paper-result dossiers N1, N2, N5, N6; N1 electronic
    [TestCase("online-payment", 1, 2, 50.00, "green")] // fees N3, N5 (N4 waived); N3 paid online
    [TestCase("population-db", 1, 6, 16.67, "red")] // N2 by VNeID
    [TestCase("full-online", 3, 5, 60.00, "red")] // eligible N1, N2, N3, N4, N6; online N1, N2, N3
    [TestCase("data-reuse", 1, 6, 16.67, "red")] // N5
    [TestCase("personal-data-store", 1, 6, 16.67, "red")] // N6
    [TestCase("channel-online", 3, 6, 50.00, "none")]
    [TestCase("channel-direct", 2, 6, 33.33, "none")]
    [TestCase("channel-postal", 1, 6, 16.67, "none")]
    [TestCase("satisfaction", 5, 6, 83.33, "red")] // 100 − (0 late + 16.67 complaints, N4)
    [TestCase("payment-offered", 1, 2, 50.00, "red")] // commune fee procedures 1.000003, 1.000004; 1.000004 payable
    [TestCase("payment-procedures", 1, 2, 50.00, "red")] // of those, 1.000004 had an online payment (N3)
    [TestCase("population-db-procedures", 1, 2, 50.00, "red")] // citizens' 1.000001 (N2), 1.000004
    public async Task Scorecard_OfTheCommune_GivesEachNationalRatio(
        string code,
        long numerator,
        long denominator,
        decimal value,
        string band
    )
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P.A.1?period=2025-04");

        var indicator = card.GetProperty("indicators")
            .EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == code);
        Assert.That(
            (
                indicator.GetProperty("numerator").GetInt64(),
                indicator.GetProperty("denominator").GetInt64(),
                indicator.GetProperty("value").GetDecimal(),
                indicator.GetProperty("band").GetString()
            ),
            Is.EqualTo((numerator, denominator, value, band))
        );
    }

    [TestCase("payment-procedures", "1/2", "0/2")] // P.A.2 had no dossier
    [TestCase("full-online", "3/5", "0/0")]
    [TestCase("satisfaction", "5/6", "0/0")]
    public async Task Map_OfCommunes_GivesTheDossierAndProcedureRatios(string indicator, string a1, string a2)
    {
        var map = await Admin.GetFromJsonAsync<JsonElement>(
            $"/api/map?indicator={indicator}&period=2025-04&parentCode=P&level=commune"
        );

        var units = map.GetProperty("units")
            .EnumerateArray()
            .ToDictionary(
                u => u.GetProperty("code").GetString()!,
                u => $"{u.GetProperty("numerator").GetInt64()}/{u.GetProperty("denominator").GetInt64()}"
            );
        Assert.That(units["P.A.1"], Is.EqualTo(a1));
        Assert.That(units["P.A.2"], Is.EqualTo(a2));
    }

    [Test]
    public async Task DossierFeed_ShowsTheNationalFields()
    {
        var complaints = await ODataFeed.GetAsync(
            Admin,
            "/odata/Dossiers?$filter=Complaint eq true or FeeWaived eq true&$select=Code,Complaint,FeeWaived"
        );
        var n6 = await ODataFeed.GetAsync(
            Admin,
            "/odata/Dossiers?$filter=FromPersonalDataStore eq true&$select=Code,EndedAt,EndedInTime,PaperResult"
        );
        var notPaper = await ODataFeed.GetAsync(Admin, "/odata/Procedures?$filter=PaperResult eq false&$select=Code");

        Assert.That(ODataFeed.Codes(complaints.GetProperty("value").EnumerateArray()), Is.EqualTo(new[] { "N4" }));
        var row = n6.GetProperty("value").EnumerateArray().Single();
        Assert.That(row.GetProperty("Code").GetString(), Is.EqualTo("N6"));
        // Withdrawn at 10:00 Vietnam time: the end the national rule counts, in time.
        Assert.That(row.GetProperty("EndedAt").GetString(), Is.EqualTo("2025-04-10T03:00:00Z"));
        Assert.That(row.GetProperty("EndedInTime").GetBoolean(), Is.True);
        Assert.That(row.GetProperty("PaperResult").GetBoolean(), Is.True);
        Assert.That(ODataFeed.Codes(notPaper.GetProperty("value").EnumerateArray()), Is.EqualTo(new[] { "1.000004" }));
    }

    [Test]
    public async Task Index_OfTheCommune_SumsItsSubIndicatorsAndRanksAmongSiblings()
    {
        var index = await Admin.GetFromJsonAsync<JsonElement>("/api/index/P.A.1?period=2025-04");

        // Points = max × min(1, value ÷ threshold): 2.1 on-time 6/6 → 20; 3 full-online 60 % → 12 × 0.6 = 7.2;
        // 4.1 25 % → 1.5; 4.2 33.33 %/80 → 1.667; 4.3 16.67 %/80 → 0.417; 4.4 16.67 % → 0.667; 4.5b → 0.333;
        // 4.5a 50 % → 1; 5.4 83.33 %/90 → 5.556; 3.5 50 %/80 → 1.25; 3.5b 50 % → 1; 3.6 50 % → 3. The reported
        // 1.1–1.4, 4.c, 5.2 and 5.3 (32 points) have no data: 0. Total 43.59; coverage 68 of 100.
        Assert.That(index.GetProperty("total").GetDecimal(), Is.EqualTo(43.59m));
        Assert.That(index.GetProperty("coverage").GetDecimal(), Is.EqualTo(68.00m));
        var groups = index
            .GetProperty("groups")
            .EnumerateArray()
            .ToDictionary(g => g.GetProperty("code").GetString()!, g => g.GetProperty("points").GetDecimal());
        Assert.That(groups["digitisation"], Is.EqualTo(5.584m));
        Assert.That(groups["transparency"], Is.Zero);
        var noData = index
            .GetProperty("groups")
            .EnumerateArray()
            .SelectMany(g => g.GetProperty("subIndicators").EnumerateArray())
            .Where(s => s.GetProperty("status").GetString() == "no-data")
            .Select(s => s.GetProperty("code").GetString());
        Assert.That(noData, Is.EquivalentTo(new[] { "1.1", "1.2", "1.3", "1.4", "4.c", "5.2", "5.3" }));
        // P.A.2, its sibling, scores only 3.5 (1.25): P.A.1 ranks first of two.
        Assert.That(index.GetProperty("rank").GetProperty("rank").GetInt32(), Is.EqualTo(1));
        Assert.That(index.GetProperty("rank").GetProperty("of").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task MapAndRankings_OfTheIndex_GiveEachCommunesPoints()
    {
        var map = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=index&period=2025-04&parentCode=P&level=commune"
        );
        var ranking = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/rankings?indicator=index&period=2025-04&parentCode=P&level=commune"
        );
        var progress = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=index.progress&period=2025-04&parentCode=P&level=commune"
        );

        // P.A.1 43.59 as its index shows; P.A.2 and P.B.1 received nothing: only 3.5 (the catalogue, 1/2 of 80 %)
        // scores, 2 × 0.625 = 1.25, and they share rank 2.
        Assert.That(
            map.GetProperty("units")
                .EnumerateArray()
                .Select(u => (u.GetProperty("code").GetString(), u.GetProperty("value").GetDecimal())),
            Is.EqualTo(new[] { ("P.A.1", 43.59m), ("P.A.2", 1.25m), ("P.B.1", 1.25m) })
        );
        Assert.That(
            ranking
                .GetProperty("items")
                .EnumerateArray()
                .Select(i => (i.GetProperty("rank").GetInt32(), i.GetProperty("code").GetString())),
            Is.EqualTo(new[] { (1, "P.A.1"), (2, "P.A.2"), (2, "P.B.1") })
        );
        Assert.That(progress.GetProperty("units")[0].GetProperty("value").GetDecimal(), Is.EqualTo(20m));
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync("/api/map?indicator=index.speed&period=2025-04&parentCode=P&level=commune"),
            System.Net.HttpStatusCode.BadRequest
        );
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("index.progress"));
    }

    [Test]
    public async Task ScorecardScore_IsTheIndexTotalWithItsCoverage()
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P.A.1?period=2025-04");

        // The index of the test above: 43.59 points, 68 of the 100 with data; no rescaling over the 68.
        Assert.That(card.GetProperty("score").GetDecimal(), Is.EqualTo(43.59m));
        Assert.That(card.GetProperty("coverage").GetDecimal(), Is.EqualTo(68.00m));
    }

    [Test]
    public async Task Rankings_ByScoreOrByDefault_RankByTheIndex()
    {
        foreach (var query in new[] { "indicator=score&", "" })
        {
            var ranking = await Admin.GetFromJsonAsync<JsonElement>(
                $"/api/rankings?{query}period=2025-04&parentCode=P&level=commune"
            );

            Assert.That(ranking.GetProperty("indicator").GetString(), Is.EqualTo("index"), query);
            Assert.That(
                ranking
                    .GetProperty("items")
                    .EnumerateArray()
                    .Select(i => (i.GetProperty("code").GetString(), i.GetProperty("value").GetDecimal())),
                Is.EqualTo(new[] { ("P.A.1", 43.59m), ("P.A.2", 1.25m), ("P.B.1", 1.25m) }),
                query
            );
        }
    }

    [Test]
    public async Task Series_OfTheIndex_ScoresEachPoint()
    {
        var series = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/series?unitCode=P.A.1&indicator=index&from=2025-03-01&to=2025-04-30&interval=month"
        );
        var progress = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/series?unitCode=P.A.1&indicator=index.progress&from=2025-04-01&to=2025-04-30&interval=month"
        );

        // March: nothing received; only 3.5 (the catalogue's 1 of 2 fee procedures offering online payment, 50 % of
        // the 80 % threshold) scores: 2 × 0.625 = 1.25. April: the 43.59 of the index above.
        Assert.That(
            series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDecimal()),
            Is.EqualTo(new[] { 1.25m, 43.59m })
        );
        Assert.That(progress.GetProperty("points")[0].GetProperty("value").GetDecimal(), Is.EqualTo(20m));
    }

    [Test]
    public async Task Series_OfTheIndexOverTooManyPoints_IsA400()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync("/api/series?unitCode=P.A.1&indicator=index&from=2025-01-01&to=2025-12-31"),
            System.Net.HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("interval=week or month"));
    }

    [Test]
    public async Task PointsLost_OfTheCommune_CountsTheDossiersTheODataLinkLists()
    {
        var lost = await Admin.GetFromJsonAsync<JsonElement>("/api/index/P.A.1/points-lost?period=2025-04");

        var subs = lost.GetProperty("subIndicators")
            .EnumerateArray()
            .ToDictionary(s => s.GetProperty("code").GetString()!);
        // 100 − 43.59; on-time (6/6) lost nothing and is not listed; the reported 1.1 and 1.4 (6 each) lead.
        Assert.That(lost.GetProperty("pointsLost").GetDecimal(), Is.EqualTo(56.41m));
        Assert.That(subs.ContainsKey("2.1"), Is.False);
        Assert.That(lost.GetProperty("subIndicators")[0].GetProperty("code").GetString(), Is.EqualTo("1.1"));
        Assert.That(subs["1.1"].GetProperty("dossiers").ValueKind, Is.EqualTo(JsonValueKind.Null));
        // 3 full-online 3/5 at a 100 % threshold: 2 not online, both needed; 12 − 7.2 = 4.8 points.
        Assert.That(Counts(subs["3"]), Is.EqualTo((4.8m, 2L, 2L)));
        // 4.2 digitisation 2/6 at 80 %: 4 not counted; full points from ⌈0.8 × 6⌉ = 5, so 3 more; 4 − 1.667.
        Assert.That(Counts(subs["4.2"]), Is.EqualTo((2.333m, 4L, 3L)));
        // 4.5a counts procedures: 1 of 2 reached at 100 %: 1 more; no dossier list.
        Assert.That(Counts(subs["4.5a"]), Is.EqualTo((1m, 1L, 1L)));
        Assert.That(subs["4.5a"].GetProperty("dossiers").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var linked = subs.Values.Where(s => s.GetProperty("dossiers").ValueKind == JsonValueKind.String).ToList();
        Assert.That(linked.Select(s => s.GetProperty("code").GetString()), Is.SupersetOf(new[] { "3", "4.1", "4.2" }));
        foreach (var sub in linked)
        {
            var feed = await ODataFeed.GetAsync(Admin, sub.GetProperty("dossiers").GetString()!);
            Assert.That(
                feed.GetProperty("@odata.count").GetInt64(),
                Is.EqualTo(sub.GetProperty("notCounted").GetInt64()),
                sub.GetProperty("code").GetString()
            );
        }
    }

    private static (decimal, long, long) Counts(JsonElement sub) =>
        (
            sub.GetProperty("pointsLost").GetDecimal(),
            sub.GetProperty("notCounted").GetInt64(),
            sub.GetProperty("needed").GetInt64()
        );

    [Test]
    public async Task ReportedIndexInput_WithANumeratorAboveItsDenominator_IsA400NamingUnitPeriodAndSubIndicator()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync(
                "/api/indicator-values",
                ProblemAssert.Json(
                    """
                    [{"indicator":"procedures-on-time","unitCode":"P.A.1","period":"2025-04",
                      "numerator":7,"denominator":5}]
                    """
                )
            ),
            System.Net.HttpStatusCode.BadRequest
        );

        Assert.That(
            problem.ToString(),
            Does.Contain(
                "Value of 'procedures-on-time' (index sub-indicator 1.1) for unit 'P.A.1', period 2025-04: "
                    + "numerator 7 is above denominator 5"
            )
        );
    }

    [Test]
    public async Task IndexScoresFeed_HoldsTheIndexOfEachUnitAndPeriod()
    {
        await Factory
            .Services.GetRequiredService<Scorecard.Api.IndicatorValues.IndicatorValuesRefresher>()
            .RefreshNowAsync(CancellationToken.None);

        var rows = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndexScores?$filter=UnitCode eq 'P.A.1' and Period eq '2025-04' "
                + "and Code in ('index','digitisation','4.2')&$orderby=Code"
                + "&$select=Code,Kind,Numerator,Denominator,Points,MaxPoints,Status"
        );

        // The index route's worked example: 43.59 in all, digitisation 5.584 of 22, 4.2 2 of 6 → 1.667 of 4.
        var byCode = rows.GetProperty("value").EnumerateArray().ToDictionary(r => r.GetProperty("Code").GetString()!);
        Assert.That(byCode["index"].GetProperty("Points").GetDouble(), Is.EqualTo(43.59));
        Assert.That(byCode["index"].GetProperty("MaxPoints").GetDouble(), Is.EqualTo(100));
        Assert.That(byCode["digitisation"].GetProperty("Kind").GetString(), Is.EqualTo("group"));
        Assert.That(byCode["digitisation"].GetProperty("Points").GetDouble(), Is.EqualTo(5.584));
        Assert.That(byCode["4.2"].GetProperty("Numerator").GetInt64(), Is.EqualTo(2));
        Assert.That(byCode["4.2"].GetProperty("Denominator").GetInt64(), Is.EqualTo(6));
        Assert.That(byCode["4.2"].GetProperty("Points").GetDouble(), Is.EqualTo(1.667));
        Assert.That(byCode["4.2"].GetProperty("Status").GetString(), Is.EqualTo("partial"));
    }

    [Test]
    public async Task Index_ForAKeyLimitedToADistrict_RanksAmongTheSiblingsItMaySee()
    {
        var created = await (
            await Admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "huyện A",
                    role = "analyst",
                    unitCode = "P.A",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        using var scoped = Factory.ClientWithKey(created.GetProperty("key").GetString());

        var district = await scoped.GetFromJsonAsync<JsonElement>("/api/index/P.A?period=2025-04");
        var commune = await scoped.GetFromJsonAsync<JsonElement>("/api/index/P.A.1?period=2025-04");
        var byAdmin = await Admin.GetFromJsonAsync<JsonElement>("/api/index/P.A?period=2025-04");

        // P.B, its sibling, lies outside the key's subtree: the district ranks alone; the commune among P.A's.
        Assert.That(district.GetProperty("rank").GetProperty("of").GetInt32(), Is.EqualTo(1));
        Assert.That(byAdmin.GetProperty("rank").GetProperty("of").GetInt32(), Is.EqualTo(2));
        Assert.That(commune.GetProperty("rank").GetProperty("of").GetInt32(), Is.EqualTo(2));
    }
}
