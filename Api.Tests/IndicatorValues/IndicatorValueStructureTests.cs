using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.IndicatorValues;

/// <summary>
/// The figure feeds in both readings of the units. The test province merges on 1 July 2025: the district P.A is
/// abolished (it ends on 30 June without successor) and its communes P.A.1 and P.A.2 merge into N.1, a commune
/// directly under P from 1 July. Six dossiers, each received (channel-direct counts the direct ones of those
/// received): Y1 P.A.1 direct and Y2 P.A.1 online (June), Y3 P.A.2 direct (June), Y4 the district P.A itself online
/// (June), Y5 P.B.1 direct (June), Y6 N.1 direct (10 July).
/// </summary>
public sealed class IndicatorValueStructureTests : ApiFixture
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
                      {"code":"P.A","name":"Huyện A","level":"district","kind":"locality","parentCode":"P",
                          "validTo":"2025-06-30"},
                      {"code":"P.A.1","name":"Xã A1","level":"commune","kind":"locality","parentCode":"P.A",
                          "validTo":"2025-06-30","successorCodes":["N.1"]},
                      {"code":"P.A.2","name":"Xã A2","level":"commune","kind":"locality","parentCode":"P.A",
                          "validTo":"2025-06-30","successorCodes":["N.1"]}
                    ]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        static object R(string id, string unit, string at, string channel) =>
            new
            {
                id = id + "-r",
                dossierCode = id,
                type = "received",
                at,
                procedureCode = "1.000001",
                unitCode = unit,
                channel,
            };
        var response = await TestProvince.PostAsync(
            Admin,
            R("Y1", "P.A.1", "2025-06-10T08:00:00+07:00", "direct"),
            R("Y2", "P.A.1", "2025-06-11T08:00:00+07:00", "online"),
            R("Y3", "P.A.2", "2025-06-12T08:00:00+07:00", "direct"),
            R("Y4", "P.A", "2025-06-17T08:00:00+07:00", "online"),
            R("Y5", "P.B.1", "2025-06-16T08:00:00+07:00", "direct"),
            R("Y6", "N.1", "2025-07-10T08:00:00+07:00", "direct")
        );
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(6), result.ToString());
        await Factory.Services.GetRequiredService<IndicatorValuesRefresher>().RefreshNowAsync(CancellationToken.None);
    }

    private async Task<Dictionary<string, (long Numerator, long Denominator)>> DirectAsync(string filter)
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues?$filter="
                + Uri.EscapeDataString($"IndicatorCode eq 'channel-direct' and Period eq '2025-06'{filter}")
        );
        return page.GetProperty("value")
            .EnumerateArray()
            .ToDictionary(
                r => r.GetProperty("UnitCode").GetString()!,
                r => (r.GetProperty("Numerator").GetInt64(), r.GetProperty("Denominator").GetInt64())
            );
    }

    [Test]
    public async Task Current_ForAPeriodBeforeTheMerge_GivesTheSuccessorItsPredecessorsSums()
    {
        var current = await DirectAsync(" and Structure eq 'current'");

        // N.1 holds P.A.1 (1 of 2) and P.A.2 (1 of 1): 2 of 3, summed, not averaged. Y4, received by the abolished
        // district, is held by P. The ended units have no row; P.S (ended in 2024) neither.
        Assert.That(
            current,
            Is.EquivalentTo(
                new Dictionary<string, (long, long)>
                {
                    ["P"] = (3, 5),
                    ["N.1"] = (2, 3),
                    ["P.B"] = (1, 1),
                    ["P.B.1"] = (1, 1),
                }
            )
        );
    }

    [Test]
    public async Task AsOf_ForAPeriodBeforeTheMerge_ListsTheUnitsOfThePeriod()
    {
        var asOf = await DirectAsync(" and Structure eq 'as-of'");

        Assert.That(asOf["P.A.1"], Is.EqualTo((1L, 2L)));
        Assert.That(asOf["P.A.2"], Is.EqualTo((1L, 1L)));
        Assert.That(asOf["P.A"], Is.EqualTo((2L, 4L)));
        // As of June, the units that lived in June: not N.1 (from July), nor P.S (ended in 2024).
        Assert.That(asOf.Keys, Is.EquivalentTo(new[] { "P", "P.A", "P.A.1", "P.A.2", "P.B", "P.B.1" }));
    }

    [TestCase("2025-06")]
    [TestCase("2025-H1")]
    [TestCase("2025")]
    public async Task ProvinceTotals_AreTheSameInBothReadings(string period)
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues?$filter="
                + Uri.EscapeDataString($"UnitCode eq 'P' and Period eq '{period}'")
                + "&$orderby=Structure,IndicatorCode"
        );
        var rows = page.GetProperty("value").EnumerateArray().ToList();

        // An unfiltered read answers the as-of reading only: one row per indicator.
        Assert.That(rows.Select(r => r.GetProperty("Structure").GetString()).Distinct(), Is.EqualTo(new[] { "as-of" }));
        var both = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues?$filter="
                + Uri.EscapeDataString($"UnitCode eq 'P' and Period eq '{period}' and Structure ne 'x'")
        );
        var figures = both.GetProperty("value")
            .EnumerateArray()
            .GroupBy(r => r.GetProperty("IndicatorCode").GetString()!)
            .ToList();
        Assert.That(figures, Has.Count.EqualTo(rows.Count));
        foreach (var indicator in figures)
        {
            Assert.That(
                indicator
                    .Select(r => (r.GetProperty("Numerator").GetInt64(), r.GetProperty("Denominator").GetInt64()))
                    .Distinct()
                    .Count(),
                Is.EqualTo(1),
                indicator.Key
            );
            Assert.That(indicator.Count(), Is.EqualTo(2), indicator.Key);
        }
    }

    [Test]
    public async Task Apply_WithoutStructure_SumsTheAsOfReadingOnce()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues?$apply="
                + Uri.EscapeDataString(
                    "filter(IndicatorCode eq 'channel-direct' and Period eq '2025-06' and UnitCode eq 'P')"
                        + "/aggregate(Denominator with sum as Received)"
                )
        );

        Assert.That(page.GetProperty("value")[0].GetProperty("Received").GetInt64(), Is.EqualTo(5));
    }

    [TestCase("N.1", "2025-06")]
    [TestCase("N.1", "2025-H1")]
    [TestCase("N.1", "2025")]
    [TestCase("P", "2025-06")]
    [TestCase("P.B.1", "2025-Q2")]
    public async Task CurrentRows_EqualTheScorecardInTodaysStructure(string unit, string period)
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>(
            $"/api/scorecards/{unit}?period={period}&structure=current"
        );
        var rows = await IndicatorValuesTable.RowsAsync(Factory, unit, period, "current");

        var shown = card.GetProperty("indicators")
            .EnumerateArray()
            .ToDictionary(i => i.GetProperty("code").GetString()!, Figure);
        Assert.That(rows.ToDictionary(r => r.Key, r => r.Value.Figure), Is.EquivalentTo(shown));
        var index = await ODataFeed.GetAsync(
            Admin,
            $"/odata/IndexScores(UnitCode='{unit}',Period='{period}',Code='index',Structure='current')"
        );
        Assert.That(index.GetProperty("Points").GetDecimal(), Is.EqualTo(card.GetProperty("score").GetDecimal()));
    }

    [Test]
    public async Task IndexScores_WithoutStructure_AnswerTheAsOfReading()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndexScores?$filter=" + Uri.EscapeDataString("Code eq 'index' and Period eq '2025-06'")
        );
        var units = page.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("UnitCode").GetString());

        Assert.That(units, Is.EquivalentTo(new[] { "P", "P.A", "P.A.1", "P.A.2", "P.B", "P.B.1" }));
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
