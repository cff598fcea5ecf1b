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

    [TestCase("on-time", 4, 6, 66.67, "red")] // D1, D3, D5, D6 of the six finished; 66.67 < 70
    [TestCase("online-submission", 4, 6, 66.67, "green")] // D5's procedure has no online service; D1, D3, D4, D6 online
    [TestCase("online-payment", 1, 2, 50.00, "green")] // fees on D5 and D6, D6 paid online
    [TestCase("digitisation", 1, 7, 14.29, "red")] // D1 of seven received
    [TestCase("e-result", 1, 6, 16.67, "red")] // D6 of six resolved
    [TestCase("population-db", 1, 6, 16.67, "red")] // D1 of six with a citizen-applicant procedure (not D5)
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
    public async Task Scorecard_Always_ScoresOnlyIndicatorsWithData()
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");

        // online-service has no province-level procedure: left out. Points: on-time 20×66.67/100 = 13.334;
        // online-submission min(6, 6×66.67/50) = 6; payment 6×50/100 = 3; digitisation 4×14.29/80 = 0.7145;
        // e-result 6×16.67/100 = 1.0002; population-db 2×16.67/100 = 0.3334. 24.3821 of 44 = 55.41%.
        Assert.That(
            Figure(Indicator(card.GetProperty("indicators"), "online-service")),
            Is.EqualTo((0L, 0L, (decimal?)null, "none"))
        );
        Assert.That(card.GetProperty("score").GetDecimal(), Is.EqualTo(55.41m));
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
        // D1, D3, D5 of D1–D5
        Assert.That(Figure(levels["commune"]), Is.EqualTo((3L, 5L, (decimal?)60.00m, "red")));
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
    public async Task Scorecard_WhenRuleIsNational_CountsTheOpenDossierNotYetOverdue()
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03&rule=national");

        // D7 is open at the end of March and due on 2 April: in time. 5 of 7 = 71.43, orange.
        Assert.That(
            Figure(Indicator(card.GetProperty("indicators"), "on-time")),
            Is.EqualTo((5L, 7L, (decimal?)71.43m, "orange"))
        );
    }

    [Test]
    public async Task Map_ForCommunes_GivesEachCommuneOverItsSubtree()
    {
        var map = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=digitisation&period=2025-03&parentCode=P&level=commune"
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
        var ranking = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/rankings?indicator=on-time&period=2025-03&parentCode=P&level=district"
        );

        // P.A: D1, D3 of D1–D3; P.B: D5, D6 of D4–D6. Both 66.67.
        var items = ranking
            .GetProperty("items")
            .EnumerateArray()
            .Select(i =>
                (
                    i.GetProperty("rank").GetInt32(),
                    i.GetProperty("code").GetString(),
                    i.GetProperty("value").GetDecimal()
                )
            )
            .ToList();
        Assert.That(items, Is.EqualTo(new[] { (1, "P.A", 66.67m), (1, "P.B", 66.67m) }));
    }

    [Test]
    public async Task Series_ByDay_GivesEveryDayWithItsOwnCounts()
    {
        var series = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/series?unitCode=P&indicator=on-time&from=2025-03-03&to=2025-03-06&interval=day"
        );

        var points = series
            .GetProperty("points")
            .EnumerateArray()
            .Select(p => (p.GetProperty("period").GetString(), Figure(p)))
            .ToList();
        Assert.That(
            points,
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
        var card = await Admin.GetFromJsonAsync<JsonElement>($"/api/scorecards/P?period={period}");

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
            var card = await Admin.GetFromJsonAsync<JsonElement>($"/api/scorecards/P?period={period}");
            Assert.That(Figure(Indicator(card.GetProperty("indicators"), "on-time")).Item2, Is.EqualTo(6), period);
        }
    }
}
