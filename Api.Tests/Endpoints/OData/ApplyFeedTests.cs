using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>$apply over the feed dataset: D1–D7 (six resolved, D7 open) and G000–G239 received hourly from 6 January
/// 2025 00:00 UTC.</summary>
public sealed class ApplyFeedTests : ApiFixture
{
    protected override Task SeedAsync() => FeedDataset.SeedAsync(Admin);

    private static async Task<List<JsonElement>> RowsAsync(HttpClient client, string apply) =>
        [
            .. (await ODataFeed.GetAsync(client, "/odata/Dossiers?$apply=" + Uri.EscapeDataString(apply)))
                .GetProperty("value")
                .EnumerateArray(),
        ];

    [Test]
    public async Task GroupBy_WithCount_CountsEachGroupInSql()
    {
        var rows = await RowsAsync(
            Admin,
            "filter(startswith(Code,'D'))/groupby((UnitCode,Status),aggregate($count as Count))"
        );

        var groups = rows.Select(r =>
            $"{r.GetProperty("UnitCode").GetString()} "
            + $"{r.GetProperty("Status").GetString()} {r.GetProperty("Count").GetInt64()}"
        );
        Assert.That(
            groups,
            Is.EqualTo(
                new[]
                {
                    "P.A.1 received 1",
                    "P.A.1 resolved 2",
                    "P.A.2 resolved 1",
                    "P.B resolved 1",
                    "P.B.1 resolved 2",
                }
            )
        );
    }

    [Test]
    public async Task Aggregate_WithoutGroups_IsOneRow()
    {
        var rows = await RowsAsync(
            Admin,
            "aggregate($count as Total,ReceivedAt with min as First,ReceivedAt with "
                + "max as Last,UnitCode with countdistinct as Units,SupplementCount with average as Supplements)"
        );

        var row = rows.Single();
        Assert.That(row.GetProperty("Total").GetInt64(), Is.EqualTo(FeedDataset.Total));
        Assert.That(row.GetProperty("First").GetString(), Is.EqualTo("2025-01-06T00:00:00Z"));
        Assert.That(row.GetProperty("Last").GetString(), Is.EqualTo("2025-03-28T03:00:00Z"));
        Assert.That(row.GetProperty("Units").GetInt64(), Is.EqualTo(4));
        Assert.That(row.GetProperty("Supplements").GetDouble(), Is.Zero);
    }

    [Test]
    public async Task Aggregate_OfComputedDatesAndCounts_IsWrittenInTheirOwnTypes()
    {
        var rows = await RowsAsync(
            Admin,
            "aggregate(date(ReceivedAt) with min as FirstDay,date(ReceivedAt) with max as LastDay,"
                + "year(ReceivedAt) with max as Year,length(Code) with max as Longest)"
        );

        var row = rows.Single();
        Assert.That(row.GetProperty("FirstDay").GetString(), Is.EqualTo("2025-01-06"));
        Assert.That(row.GetProperty("LastDay").GetString(), Is.EqualTo("2025-03-28"));
        Assert.That(row.GetProperty("Year").GetInt64(), Is.EqualTo(2025));
        Assert.That(row.GetProperty("Longest").GetInt64(), Is.EqualTo(4));
    }

    [Test]
    public async Task GroupBy_ForAScopedKey_SeesOnlyItsSubtree()
    {
        var created = await (
            await Admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "B",
                    role = "analyst",
                    unitCode = "P.B",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        using var scoped = Factory.ClientWithKey(created.GetProperty("key").GetString());

        var rows = await RowsAsync(scoped, "groupby((UnitCode),aggregate($count as Count))");

        Assert.That(
            rows.Select(r => $"{r.GetProperty("UnitCode").GetString()} " + $"{r.GetProperty("Count").GetInt64()}"),
            Is.EqualTo(new[] { "P.B 1", "P.B.1 82" })
        );
    }

    /// <summary>The page of a query whose options are given unescaped (<c>$apply=…&amp;$orderby=…</c>).</summary>
    private static Task<JsonElement> PageAsync(HttpClient client, string query) =>
        ODataFeed.GetAsync(
            client,
            "/odata/Dossiers?"
                + string.Join(
                    "&",
                    query.Split('&').Select(o => o.Split('=', 2)).Select(o => o[0] + "=" + Uri.EscapeDataString(o[1]))
                )
        );

    private static List<string> Groups(JsonElement page, string property = "UnitCode") =>
        [
            .. page.GetProperty("value")
                .EnumerateArray()
                .Select(r => $"{r.GetProperty(property).GetString()} {r.GetProperty("N").GetInt64()}"),
        ];

    // Dossiers per unit: P.A.1 holds D1, D2, D7 and the 80 generated G000, G003 … G237 (83); P.A.2 holds D3 and 80
    // (81); P.B.1 holds D4, D5 and 80 (82); P.B holds D6 (1). 83 + 81 + 82 + 1 = 247.
    private const string ByUnit = "$apply=groupby((UnitCode),aggregate($count as N))";

    [Test]
    public async Task GroupBy_OrderedByAnAliasDescending_SortsTheGroupsInSql()
    {
        var page = await PageAsync(Admin, ByUnit + "&$orderby=N desc,UnitCode");

        Assert.That(Groups(page), Is.EqualTo(new[] { "P.A.1 83", "P.B.1 82", "P.A.2 81", "P.B 1" }));
    }

    [TestCase("$top=2", new[] { "P.A.1 83", "P.B.1 82" })]
    [TestCase("$skip=1&$top=2", new[] { "P.B.1 82", "P.A.2 81" })]
    [TestCase("$skip=3", new[] { "P.B 1" })]
    [TestCase("$skip=4", new string[0])]
    public async Task GroupBy_WithTopAndSkip_AnswersThatWindowOfTheGroups(string window, string[] expected)
    {
        var page = await PageAsync(Admin, ByUnit + "&$orderby=N desc&" + window);

        Assert.That(Groups(page), Is.EqualTo(expected));
    }

    [Test]
    public async Task GroupBy_WithCountTrue_CountsTheGroupsNotTheRows()
    {
        var page = await PageAsync(Admin, ByUnit + "&$count=true&$top=1");

        Assert.That(page.GetProperty("@odata.count").GetInt64(), Is.EqualTo(4));
        Assert.That(Groups(page), Is.EqualTo(new[] { "P.A.1 83" }));
    }

    [Test]
    public async Task GroupBy_WithCountSegment_AnswersTheNumberOfGroupsAfterTheFilter()
    {
        var count = await Admin.GetStringAsync(
            "/odata/Dossiers/$count?$apply="
                + Uri.EscapeDataString("groupby((UnitCode),aggregate($count as N))")
                + "&$filter="
                + Uri.EscapeDataString("N gt 5")
        );

        Assert.That(count.Trim(), Is.EqualTo("3"));
    }

    [Test]
    public async Task GroupBy_WithFilterAfterApply_KeepsTheGroupsWhoseAggregateMatches()
    {
        var page = await PageAsync(Admin, ByUnit + "&$filter=N gt 5 and UnitCode ne 'P.A.2'");

        Assert.That(Groups(page), Is.EqualTo(new[] { "P.A.1 83", "P.B.1 82" }));
    }

    [Test]
    public async Task GroupBy_FollowedByAFilterStep_FiltersTheAggregatedGroups()
    {
        var page = await PageAsync(
            Admin,
            "$apply=filter(Status eq 'resolved')/groupby((UnitCode),aggregate($count as N))/filter(N ge 41)"
                + "&$orderby=UnitCode desc"
        );

        // Resolved: the even generated dossiers (i = 0, 2 … 238), in turn at P.A.1 (i ≡ 0 mod 6: 40), P.B.1
        // (i ≡ 2: 40) and P.A.2 (i ≡ 4: 40), with D1, D2 at P.A.1 (42), D3 at P.A.2 (41), D4, D5 at P.B.1 (42)
        // and D6 at P.B (1); 41 or more leaves three groups.
        Assert.That(Groups(page), Is.EqualTo(new[] { "P.B.1 42", "P.A.2 41", "P.A.1 42" }));
    }

    [TestCase("$filter=Total gt 246", 1)]
    [TestCase("$filter=Total gt 247", 0)]
    public async Task Aggregate_WithoutGroupsFilteredAfterwards_IsTheRowOrNone(string filter, int rows)
    {
        var page = await PageAsync(Admin, "$apply=aggregate($count as Total)&$count=true&" + filter);

        Assert.That(page.GetProperty("value").GetArrayLength(), Is.EqualTo(rows));
        Assert.That(page.GetProperty("@odata.count").GetInt64(), Is.EqualTo(rows));
    }

    [Test]
    public async Task GroupBy_ANavigationPath_JoinsItAndNestsItInTheOutput()
    {
        var page = await PageAsync(Admin, "$apply=groupby((Unit/Level),aggregate($count as N))&$count=true");

        // Communes P.A.1 83 + P.A.2 81 + P.B.1 82 = 246; the district P.B 1.
        var rows = page.GetProperty("value").EnumerateArray().ToList();
        Assert.That(
            rows.Select(r =>
                $"{r.GetProperty("Unit").GetProperty("Level").GetString()} {r.GetProperty("N").GetInt64()}"
            ),
            Is.EqualTo(new[] { "commune 246", "district 1" })
        );
        Assert.That(rows[0].ToString(), Is.EqualTo("""{"Unit":{"Level":"commune"},"N":246}"""));
        Assert.That(page.GetProperty("@odata.count").GetInt64(), Is.EqualTo(2));
        Assert.That(page.GetProperty("@odata.context").GetString(), Does.EndWith("#Dossiers(Unit(Level),N)"));
    }

    [Test]
    public async Task GroupBy_ANavigationPathFilteredAndOrdered_ReadsTheGroupedValue()
    {
        var page = await PageAsync(
            Admin,
            "$apply=groupby((Unit/Name,Unit/Level),aggregate($count as N))&$filter=Unit/Level eq 'commune'"
                + "&$orderby=N desc"
        );

        Assert.That(
            page.GetProperty("value")
                .EnumerateArray()
                .Select(r =>
                    $"{r.GetProperty("Unit").GetProperty("Name").GetString()} {r.GetProperty("N").GetInt64()}"
                ),
            Is.EqualTo(new[] { "Xã A1 83", "Xã B1 82", "Xã A2 81" })
        );
    }

    [Test]
    public async Task GroupBy_FilteredAndPagedForAScopedKey_SeesOnlyItsSubtree()
    {
        var created = await (
            await Admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "A",
                    role = "analyst",
                    unitCode = "P.A",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        using var scoped = Factory.ClientWithKey(created.GetProperty("key").GetString());

        var page = await PageAsync(scoped, ByUnit + "&$filter=N gt 0&$orderby=N&$count=true");

        Assert.That(Groups(page), Is.EqualTo(new[] { "P.A.2 81", "P.A.1 83" }));
        Assert.That(page.GetProperty("@odata.count").GetInt64(), Is.EqualTo(2));
    }

    [TestCase("$apply=groupby((Unit/Parent/Level))", "own properties")]
    [TestCase("$apply=groupby((Status))&$select=Status", "$filter, $orderby, $top, $skip and $count")]
    [TestCase("$apply=groupby((Status))&$expand=Unit", "$filter, $orderby, $top, $skip and $count")]
    [TestCase("$apply=compute(length(Code) as L)", "not Compute")]
    [TestCase("$apply=aggregate(Digitised with max as M)", "")]
    [TestCase("$apply=aggregate(Unit/Level with max as M)", "not a navigation path")]
    [TestCase("$apply=groupby((Code))/groupby((Code))", "then filter steps over its output")]
    [TestCase("$apply=groupby((Unit/Level),aggregate($count as Unit))", "names 'Unit' twice")]
    [TestCase("$apply=groupby((Status),aggregate($count as N))&$orderby=N add 1", "output's properties: Status, N")]
    public async Task Apply_BeyondWhatIsSupported_Is400(string query, string mentions)
    {
        var message = await ODataFeed.ErrorAsync(Admin, "/odata/Dossiers?" + query);

        Assert.That(message, Does.Contain(mentions).IgnoreCase);
    }
}
