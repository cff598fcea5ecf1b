using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>The portal routes over the hand-worked dossiers of <see cref="MarchDossiers"/>.</summary>
public sealed class PortalEndpointTests : ApiFixture
{
    protected override Task SeedAsync() => MarchDossiers.SeedAsync(Admin);

    private static JsonElement Indicator(JsonElement indicators, string code) =>
        indicators.EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    private static (long, long, decimal?, string?) Figure(JsonElement indicator) =>
        (
            indicator.GetProperty("numerator").GetInt64(),
            indicator.GetProperty("denominator").GetInt64(),
            indicator.GetProperty("value").ValueKind == JsonValueKind.Null
                ? null
                : indicator.GetProperty("value").GetDecimal(),
            indicator.GetProperty("band").GetString()
        );

    // Every procedure's result is a paper document, and only D6 got an electronic result.
    [TestCase("on-time", 5, 7, 71.43, "orange")] // national: D1, D3, D5, D6 ended in time, D7 open and in time
    [TestCase("online-submission", 1, 7, 14.29, "red")] // D1, D3, D4, D6 online; only D6 with an electronic result
    [TestCase("online-payment", 1, 2, 50.00, "green")] // fees on D5 and D6, D6 paid online
    [TestCase("digitisation", 0, 7, 0.00, "red")] // D1 digitised, but its paper result has no electronic copy
    [TestCase("e-result", 1, 7, 14.29, "red")] // D6 of seven dossiers of paper-result procedures received
    [TestCase("population-db", 1, 7, 14.29, "red")] // D1 of seven received
    [TestCase("channel-online", 4, 7, 57.14, "none")] // D1, D3, D4, D6; channels have no bands
    [TestCase("satisfaction", 5, 7, 71.43, "red")] // no complaints: the on-time figure; 71.43 < 90
    public async Task Scorecard_ForTheProvinceSubtree_SumsEveryDossier(
        string code,
        long numerator,
        long denominator,
        decimal value,
        string band
    )
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");

        Assert.That(
            Figure(Indicator(card.GetProperty("indicators"), code)),
            Is.EqualTo((numerator, denominator, (decimal?)value, band))
        );
    }

    [Test]
    public async Task Scorecard_OfAnIndicatorWithoutProcedures_HasNoData()
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");

        // online-service has no province-level procedure.
        Assert.That(
            Figure(Indicator(card.GetProperty("indicators"), "online-service")),
            Is.EqualTo((0L, 0L, (decimal?)null, "none"))
        );
    }

    [TestCase("national", 2)] // 5 of 7 in time: D2 and D4 late
    [TestCase("finished", 2)] // 4 of the 6 finished in time
    public async Task PointsLost_OnTime_ListsTheLateDossiersByTheRule(string rule, long late)
    {
        var lost = await Admin.GetFromJsonAsync<JsonElement>($"/api/index/P/points-lost?period=2025-03&rule={rule}");

        var onTime = lost.GetProperty("subIndicators")
            .EnumerateArray()
            .Single(s => s.GetProperty("code").GetString() == "2.1");
        // A 100 % threshold: every late dossier would have had to be in time.
        Assert.That(onTime.GetProperty("notCounted").GetInt64(), Is.EqualTo(late));
        Assert.That(onTime.GetProperty("needed").GetInt64(), Is.EqualTo(late));
        var feed = await ODataFeed.GetAsync(Admin, onTime.GetProperty("dossiers").GetString()!);
        Assert.That(feed.GetProperty("@odata.count").GetInt64(), Is.EqualTo(late));
    }

    [Test]
    public async Task Scorecard_ByLevel_GroupsByTheLevelOfTheHandlingUnit()
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");

        var levels = card.GetProperty("byLevel")
            .EnumerateArray()
            .ToDictionary(
                l => l.GetProperty("level").GetString()!,
                l => Indicator(l.GetProperty("indicators"), "on-time")
            );
        Assert.That(levels.Keys, Is.EquivalentTo(new[] { "district", "commune" }));
        // D1, D3, D5 ended in time and D7 open in time, of D1–D5 and D7
        Assert.That(Figure(levels["commune"]), Is.EqualTo((4L, 6L, (decimal?)66.67m, "red")));
        Assert.That(Figure(levels["district"]), Is.EqualTo((1L, 1L, (decimal?)100.00m, "green"))); // D6
    }

    [Test]
    public async Task Scorecard_WhenScopeIsSelf_CountsOnlyTheUnitsOwnDossiers()
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P.B?period=2025-03&scope=self");

        Assert.That(
            Figure(Indicator(card.GetProperty("indicators"), "on-time")),
            Is.EqualTo((1L, 1L, (decimal?)100.00m, "green"))
        );
    }

    [Test]
    public async Task Scorecard_WhenRuleIsFinished_CountsFinishedDossiersOnly()
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03&rule=finished");

        // D1, D3, D5, D6 of the six finished (D7 open is left out); 66.67 < 70.
        Assert.That(
            Figure(Indicator(card.GetProperty("indicators"), "on-time")),
            Is.EqualTo((4L, 6L, (decimal?)66.67m, "red"))
        );
    }

    [Test]
    public async Task Map_ForCommunes_GivesEachCommuneOverItsSubtree()
    {
        var map = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=population-db&period=2025-03&parentCode=P&level=commune"
        );

        var units = map.GetProperty("units")
            .EnumerateArray()
            .Select(u => (u.GetProperty("code").GetString(), Figure(u)))
            .ToList();
        Assert.That(
            units,
            Is.EqualTo(
                new[]
                {
                    ("P.A.1", (1L, 3L, (decimal?)33.33m, "red")),
                    ("P.A.2", (0L, 1L, (decimal?)0.00m, "red")),
                    ("P.B.1", (0L, 2L, (decimal?)0.00m, "red")),
                }
            )
        );
    }

    [Test]
    public async Task Rankings_WhenValuesTie_ShareTheRank()
    {
        var items = await RankingItems.ReadAsync(
            Admin,
            "/api/rankings?indicator=on-time&period=2025-03&parentCode=P&level=district&rule=finished"
        );

        // Finished dossiers only: P.A: D1, D3 of D1–D3; P.B: D5, D6 of D4–D6. Both 66.67.
        Assert.That(items, Is.EqualTo(new[] { (1, "P.A", 66.67m), (1, "P.B", 66.67m) }));
    }

    [Test]
    public async Task Series_ByDay_GivesEveryDayWithItsOwnCounts()
    {
        // Finished rule: the dossiers finished each day.
        Assert.That(
            await SeriesAsync("&rule=finished"),
            Is.EqualTo(
                new[]
                {
                    ("2025-03-03", (0L, 0L, (decimal?)null, "none")),
                    ("2025-03-04", (1L, 1L, (decimal?)100.00m, "green")), // D1
                    ("2025-03-05", (2L, 2L, (decimal?)100.00m, "green")), // D5, D6
                    ("2025-03-06", (0L, 0L, (decimal?)null, "none")),
                }
            )
        );
        // National rule (the default): received that day or still open when it began, judged at its end.
        // 3rd: D1, D2, D6 open in time. 4th: D1 ends in time; D2, D4, D5, D6 open in time. 5th: D5, D6 end in
        // time; D2 (due 6th 09:00), D3, D4 open in time. 6th: D2 overdue; D3 (due 10th), D4 (due 7th 08:00) in time.
        Assert.That(
            await SeriesAsync(""),
            Is.EqualTo(
                new[]
                {
                    ("2025-03-03", (3L, 3L, (decimal?)100.00m, "green")),
                    ("2025-03-04", (5L, 5L, (decimal?)100.00m, "green")),
                    ("2025-03-05", (5L, 5L, (decimal?)100.00m, "green")),
                    ("2025-03-06", (2L, 3L, (decimal?)66.67m, "red")),
                }
            )
        );
    }

    private async Task<List<(string?, (long, long, decimal?, string?))>> SeriesAsync(string rule)
    {
        var series = await Admin.GetFromJsonAsync<JsonElement>(
            $"/api/series?unitCode=P&indicator=on-time&from=2025-03-03&to=2025-03-06&interval=day{rule}"
        );
        return
        [
            .. series
                .GetProperty("points")
                .EnumerateArray()
                .Select(p => (p.GetProperty("period").GetString(), Figure(p))),
        ];
    }

    [TestCase("/api/scorecards/P?period=2025-13", HttpStatusCode.BadRequest, "2023-H2")]
    [TestCase("/api/scorecards/NOPE?period=2025-03", HttpStatusCode.NotFound, "'NOPE'")]
    [TestCase("/api/scorecards/P?period=2025-03&rule=fast", HttpStatusCode.BadRequest, "national")]
    [TestCase("/api/map?indicator=speed&period=2025-03&level=commune", HttpStatusCode.BadRequest, "'speed'")]
    [TestCase("/api/map?indicator=on-time&period=2025-03", HttpStatusCode.BadRequest, "'level'")]
    [TestCase(
        "/api/series?unitCode=P&indicator=on-time&from=2025-03-10&to=2025-03-01",
        HttpStatusCode.BadRequest,
        "from/to"
    )]
    [TestCase(
        "/api/series?unitCode=P&indicator=on-time&from=2000-01-01&to=2009-12-31&interval=day",
        HttpStatusCode.BadRequest,
        "1100"
    )]
    public async Task PortalRoutes_WhenAParameterIsWrong_AnswerAProblemNamingIt(
        string url,
        HttpStatusCode status,
        string fragment
    )
    {
        var problem = await ProblemAssert.IsProblemAsync(await Admin.GetAsync(url), status);

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(fragment));
    }

    [TestCase("2025-03-05..2025-03-10", 4)] // finished 5–10 March: D5, D6 (5th), D2, D3 (10th)
    [TestCase("2025-W10", 3)] // Mon 3 – Sun 9 March: D1 (4th), D5 and D6 (5th)
    public async Task Periods_WithPartialMonths_ReadTheDailyFacts(string period, long finished)
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>($"/api/scorecards/P?period={period}&rule=finished");

        Assert.That(Figure(Indicator(card.GetProperty("indicators"), "on-time")).Item2, Is.EqualTo(finished));
    }

    [Test]
    public async Task Periods_InEveryForm_SelectTheSameDossiers()
    {
        foreach (
            var period in new[]
            {
                "2025-03",
                "2025-03-01..2025-03-31",
                "2025-02-20..2025-04-02",
                "2025-Q1",
                "2025-H1",
                "2025S1",
                "2025",
            }
        )
        {
            // Six finished (rule finished); all seven received, ended or open (the national rule).
            var finished = await Admin.GetFromJsonAsync<JsonElement>(
                $"/api/scorecards/P?period={period}&rule=finished"
            );
            Assert.That(Figure(Indicator(finished.GetProperty("indicators"), "on-time")).Item2, Is.EqualTo(6), period);
            var national = await Admin.GetFromJsonAsync<JsonElement>($"/api/scorecards/P?period={period}");
            Assert.That(Figure(Indicator(national.GetProperty("indicators"), "on-time")).Item2, Is.EqualTo(7), period);
        }
    }
}
