using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Tests.IndicatorValues;

/// <summary>
/// How indicator_values stays current: the marks that ingestion, reference writes and rebuilds leave,
/// and the refreshes that consume them. Each test has its own database; the background refresh is
/// slowed to an hour so that the tests decide when a refresh runs.
/// </summary>
public sealed class IndicatorValuesRefresherTests
{
    /// <summary>Rows of one period of 2025: as of the period, the units that lived in it, and, in today's structure,
    /// the units valid today (6 each: the agency P.S ended in 2024 and has neither).</summary>
    private const int UnitsTimesIndicators = (6 + 6) * 24;

    private ScorecardFactory factory = null!;
    private HttpClient admin = null!;

    [SetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory(new() { ["IndicatorValues:RefreshSeconds"] = "3600" });
        admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
    }

    [TearDown]
    public void Stop()
    {
        admin.Dispose();
        factory.Dispose();
    }

    private IndicatorValuesRefresher Refresher => factory.Services.GetRequiredService<IndicatorValuesRefresher>();

    private static object Received(string id, string at, string unit = "P.A.1", bool digitised = false) =>
        new
        {
            id = id + "-r",
            dossierCode = id,
            type = "received",
            at,
            procedureCode = "1.000001",
            unitCode = unit,
            channel = "online",
            digitised,
        };

    private static object Resolved(string id, string at, bool electronic = false) =>
        new
        {
            id = id + "-f",
            dossierCode = id,
            type = "resolved",
            at,
            electronicResult = electronic,
        };

    private Task<List<string>> MarksAsync() => IndicatorValuesTable.MarksAsync(factory);

    private async Task<(long, long)> RatioAsync(string unit, string indicator, string period)
    {
        var row = (await IndicatorValuesTable.RowsAsync(factory, unit, period))[indicator];
        return (row.Numerator, row.Denominator);
    }

    [Test]
    public async Task Ingestion_WhenFactsChange_MarksEachMonthTheyChangedIn()
    {
        await Refresher.RefreshNowAsync(CancellationToken.None);
        Assert.That(await MarksAsync(), Is.Empty);

        // Received in May, resolved in June: both months' facts move.
        (
            await TestProvince.PostAsync(
                admin,
                Received("M1", "2025-05-05T08:00:00+07:00"),
                Resolved("M1", "2025-06-02T08:00:00+07:00")
            )
        ).EnsureSuccessStatusCode();

        Assert.That(await MarksAsync(), Is.EqualTo(new[] { "2025-05-01", "2025-06-01" }));
    }

    [Test]
    public async Task Refresh_AfterIngestion_MovesTheIndexScoresOfTheMarkedPeriods()
    {
        (
            await TestProvince.PostAsync(
                admin,
                Received("M1", "2025-05-05T08:00:00+07:00", digitised: true),
                Resolved("M1", "2025-06-02T08:00:00+07:00", electronic: true)
            )
        ).EnsureSuccessStatusCode();
        await Refresher.RefreshNowAsync(CancellationToken.None);
        var before = await DigitisationAsync();
        (await TestProvince.PostAsync(admin, Received("M2", "2025-05-12T08:00:00+07:00"))).EnsureSuccessStatusCode();

        await Refresher.RefreshNowAsync(CancellationToken.None);

        // 4.2 (digitisation, full points from 80 %, 4 points): M1 alone 1 of 1 → 4; with M2 (not digitised) 1 of 2,
        // 50 % ÷ 80 % × 4 = 2.5, in the partial refresh that only rewrites the rows that moved.
        Assert.That(before, Is.EqualTo((1L, 1L, 4.0)));
        Assert.That(await DigitisationAsync(), Is.EqualTo((1L, 2L, 2.5)));

        async Task<(long, long, double)> DigitisationAsync()
        {
            var feed = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(
                "/odata/IndexScores?$filter=UnitCode eq 'P' and Period eq '2025-05' and Code eq '4.2'"
            );
            var row = feed.GetProperty("value")[0];
            return (
                row.GetProperty("Numerator").GetInt64(),
                row.GetProperty("Denominator").GetInt64(),
                row.GetProperty("Points").GetDouble()
            );
        }
    }

    [Test]
    public async Task Refresh_AfterIngestion_RecomputesTheMarkedMonthsWithTheirQuartersHalfYearsAndYears()
    {
        (
            await TestProvince.PostAsync(
                admin,
                Received("M1", "2025-05-05T08:00:00+07:00", digitised: true),
                // Digitised with an electronic result: counts for digitisation (its result is a paper document).
                Resolved("M1", "2025-06-02T08:00:00+07:00", electronic: true)
            )
        ).EnsureSuccessStatusCode();
        await Refresher.RefreshNowAsync(CancellationToken.None);
        (await TestProvince.PostAsync(admin, Received("M2", "2025-06-10T08:00:00+07:00"))).EnsureSuccessStatusCode();

        var written = await Refresher.RefreshNowAsync(CancellationToken.None);

        Assert.That(written, Is.EqualTo(4 * UnitsTimesIndicators), "2025-06, 2025-Q2, 2025-H1 and 2025");
        Assert.That(await MarksAsync(), Is.Empty);
        Assert.That(await RatioAsync("P", "digitisation", "2025-05"), Is.EqualTo((1L, 1L)));
        Assert.That(await RatioAsync("P", "digitisation", "2025-06"), Is.EqualTo((0L, 1L)));
        Assert.That(await RatioAsync("P.A", "digitisation", "2025-Q2"), Is.EqualTo((1L, 2L)));
        // The national rule: M1 ended late (due 8 May), M2 open and overdue (due 13 June) when 2025 ended.
        Assert.That(await RatioAsync("P", "on-time", "2025"), Is.EqualTo((0L, 2L)));
    }

    [Test]
    public async Task Refresh_WhenDataArriveForAnEarlierMonth_StartsTheTableThere()
    {
        (await TestProvince.PostAsync(admin, Received("M1", "2025-05-05T08:00:00+07:00"))).EnsureSuccessStatusCode();
        await Refresher.RefreshNowAsync(CancellationToken.None);
        (await TestProvince.PostAsync(admin, Received("J1", "2025-01-06T08:00:00+07:00"))).EnsureSuccessStatusCode();

        await Refresher.RefreshNowAsync(CancellationToken.None);

        var counts = await IndicatorValuesTable.CountsByPeriodAsync(factory);
        Assert.That(counts.Keys, Does.Contain("2025-01").And.Contain("2025-02").And.Contain("2025-04"));
        Assert.That(await RatioAsync("P", "digitisation", "2025-02"), Is.EqualTo((0L, 0L)));
        Assert.That(await RatioAsync("P", "digitisation", "2025-H1"), Is.EqualTo((0L, 2L)));
    }

    [Test]
    public async Task ReferenceWrites_MarkEverythingStale_AndTheRefreshAppliesThem()
    {
        (
            await TestProvince.PostAsync(admin, Received("M1", "2025-05-05T08:00:00+07:00", digitised: true))
        ).EnsureSuccessStatusCode();
        await Refresher.RefreshNowAsync(CancellationToken.None);
        Assert.That(
            (await IndicatorValuesTable.RowsAsync(factory, "P", "2025-05"))["channel-online"].Band,
            Is.EqualTo("none")
        );

        (
            await admin.PutAsync(
                "/api/indicators/channel-online/bands",
                ProblemAssert.Json(
                    """
                    {"validFrom":"2025-01-01","bands":[{"min":0,"color":"yellow"}]}
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        Assert.That(await MarksAsync(), Is.EqualTo(new[] { "all" }));
        await Refresher.RefreshNowAsync(CancellationToken.None);

        Assert.That(
            (await IndicatorValuesTable.RowsAsync(factory, "P", "2025-05"))["channel-online"].Band,
            Is.EqualTo("yellow")
        );
        Assert.That(await MarksAsync(), Is.Empty);
    }

    [TestCase(
        "/api/units",
        """[{"code":"P.C","name":"Huyện C","level":"district","kind":"locality","parentCode":"P"}]"""
    )]
    [TestCase(
        "/api/procedures",
        """
            [{"code":"1.000009","name":"Thủ tục","field":"Khác","level":"province","onlineService":"full",
            "integrated":true,"hasFee":false,"personApplicant":true}]
            """
    )]
    [TestCase("/api/indicators", """[{"code":"vneid","name":"Kích hoạt VNeID"}]""")]
    [TestCase(
        "/api/targets",
        """[{"unitCode":"P","indicator":"on-time","period":"2025-H1","target":90,"assignedBy":"P"}]"""
    )]
    [TestCase(
        "/api/indicator-values",
        """[{"indicator":"ict","unitCode":"P","period":"2025","numerator":1,"denominator":2}]"""
    )]
    public async Task ReferenceWrite_Always_MarksEverythingStale(string route, string body)
    {
        (
            await admin.PutAsync("/api/indicators", ProblemAssert.Json("""[{"code":"ict","name":"Chỉ số ICT"}]"""))
        ).EnsureSuccessStatusCode();
        await Refresher.RefreshNowAsync(CancellationToken.None);

        var response = await admin.PutAsync(route, ProblemAssert.Json(body));

        Assert.That(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.That(await MarksAsync(), Is.EqualTo(new[] { "all" }));
    }

    [Test]
    public async Task Refresh_InSteps_WritesTheSameRowsAsInOneStep()
    {
        (
            await TestProvince.PostAsync(
                admin,
                Received("J1", "2025-01-06T08:00:00+07:00", digitised: true),
                Resolved("J1", "2025-01-08T08:00:00+07:00", electronic: true),
                Received("M1", "2025-03-05T08:00:00+07:00", "P.B.1"),
                Received("M2", "2025-06-10T08:00:00+07:00", "P.A.2"),
                Resolved("M2", "2025-07-01T08:00:00+07:00")
            )
        ).EnsureSuccessStatusCode();
        await Refresher.RefreshNowAsync(CancellationToken.None);
        var inOneStep = await IndicatorValuesTable.EveryRowAsync(factory);
        // Every period computes 12 × 24 rows: steps of at most 1,000 rows hold 3 periods.
        using var stepped = ActivatorUtilities.CreateInstance<IndicatorValuesRefresher>(
            factory.Services,
            Options.Create(new IndicatorValuesOptions { StepRows = 1_000 })
        );

        await factory.Services.GetRequiredService<DossierRebuilder>().RebuildAsync(CancellationToken.None);
        await stepped.RefreshNowAsync(CancellationToken.None);

        Assert.That(await MarksAsync(), Is.Empty);
        Assert.That(inOneStep, Has.Count.GreaterThan(10 * UnitsTimesIndicators));
        Assert.That(await IndicatorValuesTable.EveryRowAsync(factory), Is.EqualTo(inOneStep));
    }

    [Test]
    public async Task Rebuild_Always_MarksEverythingStale()
    {
        (await TestProvince.PostAsync(admin, Received("M1", "2025-05-05T08:00:00+07:00"))).EnsureSuccessStatusCode();
        await Refresher.RefreshNowAsync(CancellationToken.None);

        await factory.Services.GetRequiredService<DossierRebuilder>().RebuildAsync(CancellationToken.None);

        Assert.That(await MarksAsync(), Does.Contain("all"));
        Assert.That(await Refresher.RefreshNowAsync(CancellationToken.None), Is.GreaterThan(0));
        Assert.That(await RatioAsync("P", "digitisation", "2025-05"), Is.EqualTo((0L, 1L)));
    }

    [Test]
    public async Task Refresh_WhenTheMonthTurns_AddsTheNewMonthsPeriods()
    {
        (await TestProvince.PostAsync(admin, Received("M1", "2025-03-05T08:00:00+07:00"))).EnsureSuccessStatusCode();
        var clock = new SettableClock(new DateTimeOffset(2025, 4, 30, 23, 0, 0, TimeSpan.FromHours(7)));
        using var refresher = ActivatorUtilities.CreateInstance<IndicatorValuesRefresher>(
            factory.Services,
            (TimeProvider)clock
        );
        await refresher.RefreshNowAsync(CancellationToken.None);
        Assert.That(
            (await IndicatorValuesTable.CountsByPeriodAsync(factory)).Keys,
            Is.EquivalentTo(new[] { "2025-03", "2025-04", "2025-Q1", "2025-Q2", "2025-H1", "2025" })
        );

        clock.Now = new DateTimeOffset(2025, 5, 1, 0, 30, 0, TimeSpan.FromHours(7));
        var written = await refresher.RefreshNowAsync(CancellationToken.None);

        Assert.That(written, Is.EqualTo(4 * UnitsTimesIndicators), "2025-05, 2025-Q2, 2025-H1 and 2025");
        Assert.That(
            (await IndicatorValuesTable.CountsByPeriodAsync(factory)).Keys,
            Does.Contain("2025-05").And.Not.Contain("2025-06")
        );
        Assert.That(await refresher.RefreshNowAsync(CancellationToken.None), Is.Zero, "nothing stale, same month");
    }

    [Test]
    public async Task Refresh_WhenTheDayEndsAUnit_RecomputesTheCurrentRowsOfEveryPeriod()
    {
        (
            await admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """
                    [
                      {"code":"N.9","name":"Xã mới","level":"commune","kind":"locality","parentCode":"P.B",
                          "validFrom":"2025-06-01"},
                      {"code":"P.B.1","name":"Xã B1","level":"commune","kind":"locality","parentCode":"P.B",
                          "validTo":"2025-05-31","successorCodes":["N.9"]}
                    ]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        (
            await TestProvince.PostAsync(admin, Received("M1", "2025-03-05T08:00:00+07:00", unit: "P.B.1"))
        ).EnsureSuccessStatusCode();
        var clock = new SettableClock(new DateTimeOffset(2025, 5, 31, 12, 0, 0, TimeSpan.FromHours(7)));
        using var refresher = ActivatorUtilities.CreateInstance<IndicatorValuesRefresher>(
            factory.Services,
            (TimeProvider)clock
        );
        await refresher.RefreshNowAsync(CancellationToken.None);
        var before = await IndicatorValuesTable.RowsAsync(factory, "P.B.1", "2025-03", "current");
        Assert.That(before["online-submission"].Denominator, Is.EqualTo(1));

        // No write marks anything, but on 1 June N.9 holds P.B.1's history in every period, March's too.
        clock.Now = new DateTimeOffset(2025, 6, 1, 0, 30, 0, TimeSpan.FromHours(7));
        await refresher.RefreshNowAsync(CancellationToken.None);

        Assert.That(await IndicatorValuesTable.RowsAsync(factory, "P.B.1", "2025-03", "current"), Is.Empty);
        var after = await IndicatorValuesTable.RowsAsync(factory, "N.9", "2025-03", "current");
        Assert.That(after["online-submission"].Figure, Is.EqualTo(before["online-submission"].Figure));
        Assert.That(
            (await IndicatorValuesTable.RowsAsync(factory, "P.B.1", "2025-03"))["online-submission"].Denominator,
            Is.EqualTo(1),
            "as of the period, P.B.1 keeps its rows"
        );
    }

    [Test]
    public async Task BackgroundRefresh_AfterIngestion_ShowsTheFiguresWithinSeconds()
    {
        using var quick = new ScorecardFactory(new() { ["IndicatorValues:RefreshSeconds"] = "1" });
        using var client = quick.AdminClient();
        await TestProvince.SeedAsync(client);

        (
            await TestProvince.PostAsync(client, Received("M1", "2025-05-05T08:00:00+07:00", digitised: true))
        ).EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        IndicatorValuesTable.Row? row = null;
        while (DateTime.UtcNow < deadline && row?.Denominator != 1)
        {
            await Task.Delay(200);
            row = (await IndicatorValuesTable.RowsAsync(quick, "P", "2025-05")).GetValueOrDefault("channel-online");
        }

        Assert.That((row?.Numerator, row?.Denominator), Is.EqualTo(((long?)1, (long?)1)));
    }
}
