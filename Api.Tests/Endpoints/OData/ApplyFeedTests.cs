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

    [TestCase("$apply=groupby((Unit/Level))", "properties of the entity set")]
    [TestCase("$apply=groupby((Status))&$top=1", "filter inside it")]
    [TestCase("$apply=groupby((Status))&$filter=Status eq 'resolved'", "filter inside it")]
    [TestCase("$apply=compute(length(Code) as L)", "not Compute")]
    [TestCase("$apply=aggregate(Digitised with max as M)", "")]
    [TestCase("$apply=groupby((Code))/filter(Code eq 'D1')", "nothing after")]
    public async Task Apply_BeyondWhatIsSupported_Is400(string query, string mentions)
    {
        var message = await ODataFeed.ErrorAsync(Admin, "/odata/Dossiers?" + query);

        Assert.That(message, Does.Contain(mentions).IgnoreCase);
    }
}
