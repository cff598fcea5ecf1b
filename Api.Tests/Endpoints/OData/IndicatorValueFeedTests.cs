using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// IndicatorValues through the feed: in March 2025 the province finished D1–D6, of which D1, D3, D5
/// and D6 on time (D2 and D4 late): on-time 4/6 = 66.67, red. P.A's subtree finished D1, D2, D3: 2/3.
/// </summary>
public sealed class IndicatorValueFeedTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await FeedDataset.SeedAsync(Admin);
        await Factory.Services.GetRequiredService<IndicatorValuesRefresher>().RefreshNowAsync(CancellationToken.None);
    }

    [Test]
    public async Task Feed_ForAUnitIndicatorAndMonth_IsTheScorecardFigure()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues?$filter=UnitCode eq 'P' and IndicatorCode eq 'on-time' and Period eq '2025-03'"
        );

        var row = page.GetProperty("value").EnumerateArray().Single();
        Assert.That(row.GetProperty("Numerator").GetInt64(), Is.EqualTo(4));
        Assert.That(row.GetProperty("Denominator").GetInt64(), Is.EqualTo(6));
        Assert.That(row.GetProperty("Value").GetDouble(), Is.EqualTo(66.67));
        Assert.That(row.GetProperty("Band").GetString(), Is.EqualTo("red"));
        Assert.That(row.GetProperty("PeriodType").GetString(), Is.EqualTo("month"));
        Assert.That(row.GetProperty("PeriodStart").GetString(), Is.EqualTo("2025-03-01"));
        Assert.That(row.GetProperty("PeriodEnd").GetString(), Is.EqualTo("2025-03-31"));
    }

    [Test]
    public async Task Feed_OrderedByValue_RanksDistrictsOfAQuarter()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues?$filter=IndicatorCode eq 'on-time' and Period eq '2025-Q1' and UnitCode in "
                + "('P.A','P.B')&$orderby=Value desc&$select=UnitCode,Numerator,Denominator"
        );

        // P.A: D1, D3 on time, D2 late + January's G dossiers at P.A.1/P.A.2; P.B: D6 early, D4 late, D5 on time +
        // P.B.1's.
        var rows = page.GetProperty("value").EnumerateArray().ToList();
        Assert.That(rows.Select(r => r.GetProperty("UnitCode").GetString()), Is.EquivalentTo(new[] { "P.A", "P.B" }));
        var values = rows.Select(r =>
                (double)r.GetProperty("Numerator").GetInt64() / r.GetProperty("Denominator").GetInt64()
            )
            .ToList();
        Assert.That(values, Is.Ordered.Descending);
    }

    [Test]
    public async Task Feed_ForAScopedKey_HoldsOnlyItsSubtree()
    {
        using var scoped = await ScopedClientAsync("P.A");

        var (rows, _) = await ODataFeed.AllAsync(
            scoped,
            "/odata/IndicatorValues?$filter=Period eq '2025-03'&$select=UnitCode"
        );

        Assert.That(
            rows.Select(r => r.GetProperty("UnitCode").GetString()).Distinct(),
            Is.EquivalentTo(new[] { "P.A", "P.A.1", "P.A.2" })
        );
    }

    private async Task<HttpClient> ScopedClientAsync(string unit)
    {
        var response = await Admin.PostAsync(
            new Uri("/api/keys", UriKind.Relative),
            ProblemAssert.Json($$"""{"name":"scoped","role":"analyst","unitCode":"{{unit}}"}""")
        );
        var key = System
            .Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync())
            .RootElement.GetProperty("key")
            .GetString()!;
        return Factory.ClientWithKey(key);
    }
}
