using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Time;

namespace Scorecard.Api.Tests.IndicatorValues;

/// <summary>
/// indicator_values over the hand-worked dossiers of <see cref="MarchDossiers"/>, with a reported
/// indicator (vneid, green from 60) and targets: every row equals what the scorecard shows.
/// Reported: P.A 2025-Q1 447,246/738,291, P.B.1 2025-Q1 100/200, P 2025 5/10, P.A.1 2025-03 3/4.
/// Targets: on-time 2025-Q1 60 for every commune under P, 75 for P.A.1 itself; on-time 2025 80 for P;
/// vneid 2025-Q1 50 for P.A.
/// </summary>
public sealed class IndicatorValuesScorecardTests : ApiFixture
{
    /// <summary>The units that lived in 2025: the agency P.S ended in 2024, so no period of the table holds
    /// it.</summary>
    private const int Units = 6;
    private const int Indicators = 25;

    protected override async Task SeedAsync()
    {
        await MarchDossiers.SeedAsync(Admin);
        (
            await Admin.PutAsync(
                "/api/indicators",
                ProblemAssert.Json(
                    """
                    [{"code":"vneid","name":"Kích hoạt VNeID",
                      "bands":[{"validFrom":"2020-01-01","bands":[{"min":60,"color":"green"},{"min":0,
                          "color":"red"}]}]}]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        (
            await Admin.PutAsJsonAsync(
                "/api/indicator-values",
                new[]
                {
                    new
                    {
                        indicator = "vneid",
                        unitCode = "P.A",
                        period = "2025-Q1",
                        numerator = 447246L,
                        denominator = 738291L,
                    },
                    new
                    {
                        indicator = "vneid",
                        unitCode = "P.B.1",
                        period = "2025-Q1",
                        numerator = 100L,
                        denominator = 200L,
                    },
                    new
                    {
                        indicator = "vneid",
                        unitCode = "P",
                        period = "2025",
                        numerator = 5L,
                        denominator = 10L,
                    },
                    new
                    {
                        indicator = "vneid",
                        unitCode = "P.A.1",
                        period = "2025-03",
                        numerator = 3L,
                        denominator = 4L,
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        (
            await Admin.PutAsJsonAsync(
                "/api/targets",
                new object[]
                {
                    new
                    {
                        unitCode = "P",
                        indicator = "on-time",
                        period = "2025-Q1",
                        target = 60,
                        assignedBy = "P",
                        appliesToLevel = "commune",
                    },
                    new
                    {
                        unitCode = "P.A.1",
                        indicator = "on-time",
                        period = "2025-Q1",
                        target = 75,
                        assignedBy = "P.A",
                    },
                    new
                    {
                        unitCode = "P",
                        indicator = "on-time",
                        period = "2025",
                        target = 80,
                        assignedBy = "P",
                    },
                    new
                    {
                        unitCode = "P.A",
                        indicator = "vneid",
                        period = "2025-Q1",
                        target = 50,
                        assignedBy = "P",
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        await Factory.Services.GetRequiredService<IndicatorValuesRefresher>().RefreshNowAsync(CancellationToken.None);
    }

    [TestCase("P", "2025-03")]
    [TestCase("P", "2025-Q1")]
    [TestCase("P", "2025-H1")]
    [TestCase("P", "2025")]
    [TestCase("P", "2025-04")]
    [TestCase("P.A", "2025-03")]
    [TestCase("P.A", "2025-Q1")]
    [TestCase("P.A.1", "2025-03")]
    [TestCase("P.A.1", "2025-Q1")]
    [TestCase("P.A.2", "2025-Q1")]
    [TestCase("P.B", "2025-H1")]
    [TestCase("P.B.1", "2025-Q1")]
    [TestCase("P.B.1", "2025")]
    public async Task Rows_ForAUnitAndPeriod_EqualTheScorecard(string unit, string period)
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>($"/api/scorecards/{unit}?period={period}");
        var rows = await IndicatorValuesTable.RowsAsync(Factory, unit, period);

        var shown = card.GetProperty("indicators")
            .EnumerateArray()
            .ToDictionary(i => i.GetProperty("code").GetString()!, Figure);
        Assert.That(shown, Has.Count.EqualTo(Indicators));
        Assert.That(rows.ToDictionary(r => r.Key, r => r.Value.Figure), Is.EquivalentTo(shown));
    }

    [Test]
    public async Task Rows_OfAUnitThatEndedBeforeThePeriod_AreAbsent_AsTheMapOmitsIt()
    {
        var rows = await IndicatorValuesTable.RowsAsync(Factory, "P.S", "2025-03");
        var map = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=on-time&period=2025-03&parentCode=P&level=province"
        );

        Assert.That(rows, Is.Empty);
        // P.S is the only unit of its level under P: the map of a period after its end is empty.
        Assert.That(map.ToString(), Does.Contain("\"units\":[]").And.Not.Contain("P.S"));
    }

    [Test]
    public async Task Rows_ForTheCurrentMonthAndYear_EqualTheScorecard()
    {
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);
        foreach (var period in new[] { Period.Month(today.Year, today.Month), Period.Year(today.Year) })
        {
            var card = await Admin.GetFromJsonAsync<JsonElement>($"/api/scorecards/P.A?period={period.Code}");
            var rows = await IndicatorValuesTable.RowsAsync(Factory, "P.A", period.Code);

            var shown = card.GetProperty("indicators")
                .EnumerateArray()
                .ToDictionary(i => i.GetProperty("code").GetString()!, Figure);
            Assert.That(rows.ToDictionary(r => r.Key, r => r.Value.Figure), Is.EquivalentTo(shown), period.Code);
        }
    }

    [Test]
    public async Task Rows_Always_CoverEveryUnitIndicatorAndCalendarPeriodFromTheFirstMonthWithDataToNow()
    {
        var today = VietnamTime.DateOf(DateTimeOffset.UtcNow);

        var counts = await IndicatorValuesTable.CountsByPeriodAsync(Factory);

        // The dossiers start in March 2025 but the reported 2025-Q1 and 2025 figures in January: every
        // month from January 2025 to this one, and the quarters, half-years and years containing them.
        var months = ((today.Year - 2025) * 12) + today.Month;
        var quarters = ((today.Year - 2025) * 4) + ((today.Month + 2) / 3);
        var halves = ((today.Year - 2025) * 2) + ((today.Month + 5) / 6);
        Assert.That(
            counts.Keys,
            Has.Count.EqualTo(months + quarters + halves + today.Year - 2024),
            string.Join(", ", counts.Keys.Order())
        );
        Assert.That(counts.Values, Has.All.EqualTo(Units * Indicators));
        Assert.That(
            counts.Keys,
            Does.Contain("2025-01")
                .And.Contain("2025-Q1")
                .And.Contain("2025-H1")
                .And.Contain("2025")
                .And.Contain(Period.Month(today.Year, today.Month).Code)
                .And.Not.Contain("2024-12")
                .And.Not.Contain("2024")
        );
    }

    [Test]
    public async Task Rows_ForAQuarter_CarryItsCodeTypeAndInclusiveDays()
    {
        var row = (await IndicatorValuesTable.RowsAsync(Factory, "P", "2025-Q1"))["on-time"];

        Assert.That(
            (row.PeriodType, row.PeriodStart, row.PeriodEnd),
            Is.EqualTo(("quarter", new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 31)))
        );
    }

    [TestCase("P", "2025-Q1", 447346L, 738491L, 60.58, "green")] // no own figure: P.A's own and P.B's (its commune's)
    [TestCase("P", "2025", 5L, 10L, 50.00, "red")] // its own figure stands for the subtree
    [TestCase("P.A", "2025-03", 3L, 4L, 75.00, "green")] // P.A.1's
    public async Task ReportedIndicator_RollsUpOverTheSubtree(
        string unit,
        string period,
        long numerator,
        long denominator,
        decimal value,
        string band
    )
    {
        var row = (await IndicatorValuesTable.RowsAsync(Factory, unit, period))["vneid"];

        Assert.That(
            (row.Numerator, row.Denominator, (decimal?)row.Value, row.Band),
            Is.EqualTo((numerator, denominator, (decimal?)value, band))
        );
    }

    [TestCase("P.A.1", "on-time", "2025-Q1", 75)] // its own target beats the general one
    [TestCase("P.A.2", "on-time", "2025-Q1", 60)] // the general target for communes
    [TestCase("P.A", "on-time", "2025-Q1", null)] // a district: not covered
    [TestCase("P.A.1", "on-time", "2025-03", null)] // targets belong to their own period
    [TestCase("P", "on-time", "2025", 80)]
    [TestCase("P.A", "vneid", "2025-Q1", 50)]
    public async Task Target_IsTheTargetThatAppliesToTheUnit(
        string unit,
        string indicator,
        string period,
        double? target
    )
    {
        var row = (await IndicatorValuesTable.RowsAsync(Factory, unit, period))[indicator];

        Assert.That(row.Target, Is.EqualTo(target));
    }

    private static (long, long, decimal?, string, decimal?) Figure(JsonElement i) =>
        (
            i.GetProperty("numerator").GetInt64(),
            i.GetProperty("denominator").GetInt64(),
            i.GetProperty("value").ValueKind == JsonValueKind.Null ? null : i.GetProperty("value").GetDecimal(),
            i.GetProperty("band").GetString()!,
            i.GetProperty("target").ValueKind == JsonValueKind.Null
                ? null
                : i.GetProperty("target").GetProperty("target").GetDecimal()
        );
}
