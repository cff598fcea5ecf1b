using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// The relationships of the feeds over <see cref="FeedDataset"/>: a unit's parent, children, successors and
/// dossiers, a figure's and a target's unit and indicator; followed from one row or expanded for a page. P.A.1
/// received D1, D2, D7 and the 80 generated dossiers G000, G003, …; P.B received D6 only; P.S ended on
/// 2024-12-31 and was succeeded by N.1 and N.2 (N.2 primary).
/// </summary>
public sealed class RelationshipFeedTests : ApiFixture
{
    private HttpClient scoped = null!;

    protected override async Task SeedAsync()
    {
        await FeedDataset.SeedAsync(Admin);
        (
            await Admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """
                    [
                      {"code":"N.1","name":"Sở mới 1","level":"province","kind":"agency","parentCode":"P",
                          "validFrom":"2025-01-01"},
                      {"code":"N.2","name":"Sở mới 2","level":"province","kind":"agency","parentCode":"P",
                          "validFrom":"2025-01-01"},
                      {"code":"P.S","name":"Sở cũ","level":"province","kind":"agency","parentCode":"P",
                          "validTo":"2024-12-31","successorCodes":["N.1","N.2"],"primarySuccessor":"N.2"}
                    ]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        await Admin.PutAsJsonAsync(
            "/api/targets",
            new[]
            {
                new
                {
                    unitCode = "P.B",
                    indicator = "on-time",
                    period = "2025-H1",
                    target = 85m,
                    assignedBy = "P",
                },
            }
        );
        await Factory.Services.GetRequiredService<IndicatorValuesRefresher>().RefreshNowAsync(CancellationToken.None);
        var created = await (
            await Admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "district A",
                    role = "analyst",
                    unitCode = "P.A",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        scoped = Factory.BasicClient(created.GetProperty("key").GetString()!);
    }

    [Test]
    public async Task Children_OfAUnit_AreTheUnitsDirectlyUnderIt()
    {
        var (rows, _) = await ODataFeed.AllAsync(Admin, "/odata/Units('P.A')/Children?$select=Code,ParentCode");

        Assert.That(ODataFeed.Codes(rows), Is.EqualTo(new[] { "P.A.1", "P.A.2" }));
    }

    [Test]
    public async Task Parent_OfAUnit_IsTheUnitAbove()
    {
        var parent = await ODataFeed.GetAsync(Admin, "/odata/Units('P.A.1')/Parent?$select=Code,Level");

        Assert.That(parent.GetProperty("Code").GetString(), Is.EqualTo("P.A"));
        Assert.That(parent.GetProperty("@odata.context").GetString(), Does.EndWith("#Units(Code,Level)/$entity"));
    }

    [Test]
    public async Task Dossiers_OfAUnit_WithTopFilterAndCount_AreItsOwnDossiers()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/Units('P.A.1')/Dossiers?$filter=startswith(Code,'D')&$orderby=Code desc&$top=2&$count=true"
                + "&$select=Code,UnitCode"
        );
        var own = await ODataFeed.GetAsync(Admin, "/odata/Units('P.A')/Dossiers");

        Assert.That(page.GetProperty("@odata.count").GetInt64(), Is.EqualTo(3), "D1, D2 and D7");
        Assert.That(ODataFeed.Codes(page.GetProperty("value").EnumerateArray()), Is.EqualTo(new[] { "D7", "D2" }));
        Assert.That(page.GetProperty("@odata.context").GetString(), Does.EndWith("#Dossiers(Code,UnitCode)"));
        Assert.That(own.GetProperty("value").GetArrayLength(), Is.Zero, "the district received none itself");
    }

    [Test]
    public async Task Dossiers_OfAUnit_CountSegmentAndPagingWalk_ReadThemAll()
    {
        // 3 of D1–D7 and every third of the 240 generated ones.
        var count = await Admin.GetStringAsync("/odata/Units('P.A.1')/Dossiers/$count");
        var rows = new List<string>();
        string? next = "/odata/Units('P.A.1')/Dossiers?$select=Code&$expand=Unit($select=Name)";
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Add("Prefer", "odata.maxpagesize=10");
            using var response = await Admin.SendAsync(request);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            rows.AddRange(ODataFeed.Codes(page.GetProperty("value").EnumerateArray()));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            Assert.That(next ?? "/odata/Units('P.A.1')/Dossiers?", Does.Contain("/odata/Units('P.A.1')/Dossiers?"));
        }

        Assert.That(count, Is.EqualTo("83"));
        Assert.That(rows, Has.Count.EqualTo(83).And.Unique);
    }

    [Test]
    public async Task Successors_OfAnEndedUnit_AreTheUnitsThatTookItOver()
    {
        var (rows, _) = await ODataFeed.AllAsync(Admin, "/odata/Units('P.S')/Successors");
        var unit = await ODataFeed.GetAsync(Admin, "/odata/Units('P.S')?$expand=Successors($select=Code)");

        Assert.That(ODataFeed.Codes(rows), Is.EqualTo(new[] { "N.1", "N.2" }));
        Assert.That(unit.GetProperty("PrimarySuccessor").GetString(), Is.EqualTo("N.2"));
        Assert.That(
            ODataFeed.Codes(unit.GetProperty("Successors").EnumerateArray()),
            Is.EqualTo(new[] { "N.1", "N.2" })
        );
    }

    [Test]
    public async Task Expand_CollectionsWithNestedOptions_HoldEachRowsOwnRows()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/Units?$filter=Level eq 'district'&$select=Code&$expand=Children($select=Code;$orderby=Code desc),"
                + "Dossiers($filter=startswith(Code,'D');$top=2;$select=Code),Parent($select=Code)"
        );

        var rows = page.GetProperty("value").EnumerateArray().ToList();
        Assert.That(ODataFeed.Codes(rows), Is.EqualTo(new[] { "P.A", "P.B" }));
        Assert.That(
            ODataFeed.Codes(rows[0].GetProperty("Children").EnumerateArray()),
            Is.EqualTo(new[] { "P.A.2", "P.A.1" })
        );
        Assert.That(rows[0].GetProperty("Dossiers").GetArrayLength(), Is.Zero);
        Assert.That(ODataFeed.Codes(rows[1].GetProperty("Children").EnumerateArray()), Is.EqualTo(new[] { "P.B.1" }));
        Assert.That(ODataFeed.Codes(rows[1].GetProperty("Dossiers").EnumerateArray()), Is.EqualTo(new[] { "D6" }));
        Assert.That(rows[1].GetProperty("Parent").GetProperty("Code").GetString(), Is.EqualTo("P"));
        Assert.That(rows[1].GetProperty("Children")[0].TryGetProperty("Name", out _), Is.False);
    }

    [Test]
    public async Task Expand_CollectionWithTopAndSkip_TakesThatWindowPerRow()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/Units?$filter=Code in ('P.A.1','P.A.2')&$select=Code"
                + "&$expand=Dossiers($orderby=ReceivedAt;$skip=1;$top=2;$select=Code)"
        );

        // P.A.1 in order of reception: G000 (6 Jan 00:00), G003, G006 …; P.A.2: G001, G004, G007 …
        var rows = page.GetProperty("value").EnumerateArray().ToList();
        Assert.That(
            ODataFeed.Codes(rows[0].GetProperty("Dossiers").EnumerateArray()),
            Is.EqualTo(new[] { "G003", "G006" })
        );
        Assert.That(
            ODataFeed.Codes(rows[1].GetProperty("Dossiers").EnumerateArray()),
            Is.EqualTo(new[] { "G004", "G007" })
        );
    }

    [Test]
    public async Task Expand_CollectionBeyondItsBound_IsRefusedNamingTheLimit()
    {
        var message = await ODataFeed.ErrorAsync(Admin, "/odata/Units?$expand=Dossiers($top=101)");

        Assert.That(message, Does.Contain("at most 100 rows").And.Contain("Units('…')/Dossiers"));
    }

    [TestCase("Unit/ParentCode eq 'P'", new[] { "N.1", "N.2", "P.A", "P.B" })]
    [TestCase("'P' eq Unit/ParentCode", new[] { "N.1", "N.2", "P.A", "P.B" })]
    [TestCase("Unit/ParentCode ne 'P'", new[] { "P", "P.A.1", "P.A.2", "P.B.1" })]
    [TestCase("'Tỉnh' gt Unit/Name and Unit/Level ge 'district'", new[] { "N.1", "N.2", "P.A", "P.B" })]
    [TestCase("Unit/Kind eq 'agency'", new[] { "N.1", "N.2" })]
    public async Task Figures_FilteredOnTheirUnit_AreTheRowsOfTheUnitsThatMatch(string filter, string[] units)
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues?$filter="
                + Uri.EscapeDataString($"{filter} and IndicatorCode eq 'on-time' and Period eq '2025-03'")
                + "&$select=UnitCode"
        );

        Assert.That(
            ODataFeed.Codes(page.GetProperty("value").EnumerateArray().ToList(), "UnitCode"),
            Is.EqualTo(units)
        );
    }

    [Test]
    public async Task FiguresAndTargets_UnitAndIndicator_AreNavigable()
    {
        var figure = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues?$filter=Unit/Level eq 'district' and IndicatorCode eq 'on-time' and "
                + "Period eq '2025-03'&$orderby=Unit/Name&$select=UnitCode&$expand=Unit($select=Name),"
                + "Indicator($select=Kind)"
        );
        var unit = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues(UnitCode='P',IndicatorCode='on-time',Period='2025-03',Structure='as-of')/Unit"
        );
        var target = await ODataFeed.GetAsync(
            Admin,
            "/odata/TargetAssignments?$expand=Unit($select=Level),Indicator($select=Code)"
        );
        var indicator = await ODataFeed.GetAsync(
            Admin,
            "/odata/TargetAssignments('P.B%2Fon-time%2F2025-H1')/Indicator"
        );

        var rows = figure.GetProperty("value").EnumerateArray().ToList();
        Assert.That(ODataFeed.Codes(rows, "UnitCode"), Is.EqualTo(new[] { "P.A", "P.B" }));
        Assert.That(rows[0].GetProperty("Unit").GetProperty("Name").GetString(), Is.EqualTo("Huyện A"));
        Assert.That(rows[0].GetProperty("Indicator").GetProperty("Kind").GetString(), Is.Not.Empty);
        Assert.That(unit.GetProperty("Code").GetString(), Is.EqualTo("P"));
        var assignment = target.GetProperty("value")[0];
        Assert.That(assignment.GetProperty("Unit").GetProperty("Level").GetString(), Is.EqualTo("district"));
        Assert.That(assignment.GetProperty("Indicator").GetProperty("Code").GetString(), Is.EqualTo("on-time"));
        Assert.That(indicator.GetProperty("Code").GetString(), Is.EqualTo("on-time"));
    }

    [TestCase("/odata/Units('P.B')/Children")]
    [TestCase("/odata/Units('P')/Dossiers")]
    [TestCase("/odata/Units('P.B.1')/Parent")]
    [TestCase("/odata/Units('P.B')/Dossiers/$count")]
    public async Task Navigation_FromARowOutsideAScopedKeysSubtree_IsNotFound(string url)
    {
        using var response = await scoped.GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await Admin.GetAsync(new Uri(url, UriKind.Relative))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Navigation_ForAScopedKey_IsFilteredToItsSubtree()
    {
        // P.A.1's parent P.A is within the key's subtree; P.A's parent P is not.
        var children = await ODataFeed.AllAsync(scoped, "/odata/Units('P.A')/Children");
        var expanded = await ODataFeed.GetAsync(scoped, "/odata/Units?$expand=Children($select=Code)&$select=Code");
        using var parentOfScope = await scoped.GetAsync(new Uri("/odata/Units('P.A')/Parent", UriKind.Relative));

        Assert.That(ODataFeed.Codes(children.Rows), Is.EqualTo(new[] { "P.A.1", "P.A.2" }));
        Assert.That(
            ODataFeed.Codes(expanded.GetProperty("value").EnumerateArray()),
            Is.EqualTo(new[] { "P.A", "P.A.1", "P.A.2" })
        );
        Assert.That(parentOfScope.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
