using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// Queries that generated OData clients and Power Query write, over <see cref="FeedDataset"/>: a navigation named in
/// $select beside its $expand, sorting by a unit's name, decimal literals, time of day, offsets and casts.
/// </summary>
public sealed class GeneratedClientQueryTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await FeedDataset.SeedAsync(Admin);
        await Factory.Services.GetRequiredService<IndicatorValuesRefresher>().RefreshNowAsync(CancellationToken.None);
    }

    private async Task<List<string>> CodesAsync(string set, string query, string property = "Code") =>
        ODataFeed.Codes((await ODataFeed.AllAsync(Admin, $"/odata/{set}?{query}")).Rows, property);

    [Test]
    public async Task Select_NavigationBesideItsExpand_WritesTheExpandedUnit()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/Dossiers?$select=Code,Unit&$expand=Unit($select=Name)&$filter=Code eq 'D6'"
        );

        var row = page.GetProperty("value").EnumerateArray().Single();
        Assert.That(row.GetProperty("Code").GetString(), Is.EqualTo("D6"));
        Assert.That(row.GetProperty("Unit").GetProperty("Name").GetString(), Is.EqualTo("Huyện B"));
        Assert.That(row.TryGetProperty("Channel", out _), Is.False);
    }

    [TestCase(1000)]
    [TestCase(2)]
    public async Task OrderBy_UnitName_SortsByTheUnitsNameAcrossPages(int pageSize)
    {
        // Xã B1 (D4, D5) > Xã A2 (D3) > Xã A1 (D1, D2, D7) > Huyện B (D6), then by code.
        var rows = new List<string>();
        string? next = "/odata/Dossiers?$filter=startswith(Code,'D')&$orderby=Unit/Name desc,Code&$select=Code";
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("Prefer", $"odata.maxpagesize={pageSize}");
            using var response = await Admin.SendAsync(request);
            var page = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            rows.AddRange(ODataFeed.Codes(page.GetProperty("value").EnumerateArray()));
            Assert.That(page.GetProperty("value")[0].TryGetProperty("Unit", out _), Is.False, "Unit is not expanded");
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            Assert.That(next ?? "", Does.Not.Contain("$skiptoken=o"), "continued by keyset");
        }

        Assert.That(rows, Is.EqualTo(new[] { "D4", "D5", "D3", "D1", "D2", "D7", "D6" }));
    }

    [Test]
    public async Task OrderBy_ProcedureName_WithItsExpand_SortsAndWritesIt()
    {
        // Chứng thực (D5) < Giấy phép xây dựng (D6) < Khai sinh (the rest).
        var codes = await CodesAsync(
            "Dossiers",
            "$filter=startswith(Code,'D')&$orderby=Procedure/Name,Code desc&$expand=Procedure($select=Name)"
        );

        Assert.That(codes, Is.EqualTo(new[] { "D5", "D6", "D7", "D4", "D3", "D2", "D1" }));
    }

    // On-time at P in March 2025 is 5 / 127 = 3.94 (IndicatorValueFeedTests).
    [TestCase("Value gt 3.9M", 1)]
    [TestCase("Value gt 3.95M", 0)]
    [TestCase("Value eq 3.94M", 1)]
    [TestCase("Value add 0.06M ge 4", 1)]
    [TestCase("cast(Value, Edm.Int32) eq 3", 1)]
    [TestCase("cast(Numerator, Edm.String) eq '5'", 1)]
    [TestCase("cast(Numerator, Edm.Double) div 2 eq 2.5", 1)]
    public async Task Filter_DecimalLiteralsAndCasts_OnIndicatorValues(string filter, int expected)
    {
        var codes = await CodesAsync(
            "IndicatorValues",
            "$filter=UnitCode eq 'P' and IndicatorCode eq 'on-time' and Period eq '2025-03' and " + filter,
            "UnitCode"
        );

        Assert.That(codes, Has.Count.EqualTo(expected));
    }

    // Received (UTC): D1, D4, D5, D6 at 01:00; D2 at 02:00; D3, D7 at 03:00.
    [TestCase("time(ReceivedAt) eq 02:00:00", new[] { "D2" })]
    [TestCase("time(ReceivedAt) lt 02:00:00", new[] { "D1", "D4", "D5", "D6" })]
    [TestCase("time(ReceivedAt) gt 02:30:00.5", new[] { "D3", "D7" })]
    [TestCase("totaloffsetminutes(ReceivedAt) eq 0 and Channel eq 'online'", new[] { "D1", "D3", "D4", "D6" })]
    [TestCase("totaloffsetminutes(ReceivedAt) ne 0", new string[0])]
    [TestCase("cast(SupplementCount, Edm.String) eq '0' and UnitCode eq 'P.B.1'", new[] { "D4", "D5" })]
    public async Task Filter_TimeOffsetAndCast_OnDossiers(string filter, string[] expected)
    {
        var codes = await CodesAsync("Dossiers", "$filter=startswith(Code,'D') and " + filter + "&$orderby=Code");

        Assert.That(codes, Is.EqualTo(expected));
    }

    [TestCase("/odata/Dossiers?$filter=cast(Code, Edm.Int32) eq 1", "cast")]
    [TestCase("/odata/Dossiers?$filter=cast(ReceivedAt, Edm.String) eq 'x'", "cast")]
    public async Task Filter_CastsTheDatabasesDisagreeOn_AreRefused(string url, string named)
    {
        var message = await ODataFeed.ErrorAsync(Admin, url);

        Assert.That(message, Does.Contain(named));
    }
}
