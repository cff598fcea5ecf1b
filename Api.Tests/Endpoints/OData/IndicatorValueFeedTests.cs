using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// IndicatorValues through the feed over <see cref="FeedDataset"/>, whose figures follow the national method
/// (on-time by the national rule).
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

        // The national rule: D1, D3, D5, D6 ended in time and D7 is open and in time; the 120 generated dossiers
        // never resolved (G001, G003, …, received in January) were open when March began, and overdue. 5 / 127.
        var row = page.GetProperty("value").EnumerateArray().Single();
        Assert.That(row.GetProperty("Numerator").GetInt64(), Is.EqualTo(5));
        Assert.That(row.GetProperty("Denominator").GetInt64(), Is.EqualTo(127));
        Assert.That(row.GetProperty("Value").GetDouble(), Is.EqualTo(3.94));
        Assert.That(row.GetProperty("Band").GetString(), Is.EqualTo("red"));
        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");
        var onTime = card.GetProperty("indicators")
            .EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "on-time");
        Assert.That(onTime.GetProperty("denominator").GetInt64(), Is.EqualTo(127));
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
