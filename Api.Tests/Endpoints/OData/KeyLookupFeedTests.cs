using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// A row by its key on every set and a dossier's unit and procedure, as $metadata advertises them, read
/// within the same scope as the sets: a key limited to P.A gets a 404 for a row of P.B, like a missing one.
/// </summary>
public sealed class KeyLookupFeedTests : ApiFixture
{
    private HttpClient scoped = null!;
    private string source = string.Empty;

    protected override async Task SeedAsync()
    {
        await FeedDataset.SeedAsync(Admin);
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
        var d1 = await ODataFeed.GetAsync(Admin, "/odata/Dossiers?$filter=Code eq 'D1'&$select=Source");
        source = d1.GetProperty("value")[0].GetProperty("Source").GetString()!;
    }

    private string Dossier(string code) => $"/odata/Dossiers(Source='{Uri.EscapeDataString(source)}',Code='{code}')";

    [TestCase("/odata/Units('P.A.1')", "Units")]
    [TestCase("/odata/Units(Code='P.A.1')", "Units")]
    [TestCase("/odata/Units/P.A.1", "Units")]
    public async Task Unit_ByKey_IsThatEntity(string url, string set)
    {
        var unit = await ODataFeed.GetAsync(Admin, url);

        Assert.That(unit.GetProperty("@odata.context").GetString(), Does.EndWith($"/odata/$metadata#{set}/$entity"));
        Assert.That(unit.GetProperty("Code").GetString(), Is.EqualTo("P.A.1"));
        Assert.That(unit.GetProperty("ParentCode").GetString(), Is.EqualTo("P.A"));
        Assert.That(unit.TryGetProperty("value", out _), Is.False);
    }

    [Test]
    public async Task Dossier_ByCompositeKey_WithSelectAndExpand_IsThatDossier()
    {
        var dossier = await ODataFeed.GetAsync(
            Admin,
            Dossier("D2") + "?$select=Code,Channel&$expand=Unit($select=Name)"
        );

        Assert.That(
            dossier.GetProperty("@odata.context").GetString(),
            Does.EndWith("$metadata#Dossiers(Code,Channel,Unit(Name))/$entity")
        );
        Assert.That(dossier.GetProperty("Code").GetString(), Is.EqualTo("D2"));
        Assert.That(dossier.GetProperty("Channel").GetString(), Is.EqualTo("direct"));
        Assert.That(dossier.GetProperty("Unit").GetProperty("Name").GetString(), Is.Not.Empty);
        Assert.That(dossier.TryGetProperty("ReceivedAt", out _), Is.False);
    }

    [Test]
    public async Task DossierNavigation_UnitAndProcedure_AreTheRowsItPointsTo()
    {
        // D6 was received at district P.B under procedure 1.000002.
        var unit = await ODataFeed.GetAsync(Admin, Dossier("D6") + "/Unit?$select=Code,Level");
        var procedure = await ODataFeed.GetAsync(Admin, Dossier("D6") + "/Procedure");

        Assert.That(
            unit.GetProperty("@odata.context").GetString(),
            Does.EndWith("$metadata#Units(Code,Level)/$entity")
        );
        Assert.That(unit.GetProperty("Code").GetString(), Is.EqualTo("P.B"));
        Assert.That(unit.GetProperty("Level").GetString(), Is.EqualTo("district"));
        Assert.That(unit.TryGetProperty("Name", out _), Is.False);
        Assert.That(procedure.GetProperty("Code").GetString(), Is.EqualTo("1.000002"));
    }

    [Test]
    public async Task IndicatorValue_ByItsThreeKeys_IsThatFigure()
    {
        // As IndicatorValueFeedTests: on-time at P for March 2025 is 5 / 127.
        var value = await ODataFeed.GetAsync(
            Admin,
            "/odata/IndicatorValues(UnitCode='P',IndicatorCode='on-time',Period='2025-03',Structure='as-of')"
        );

        Assert.That(value.GetProperty("Numerator").GetInt64(), Is.EqualTo(5));
        Assert.That(value.GetProperty("Denominator").GetInt64(), Is.EqualTo(127));
    }

    [Test]
    public async Task ReferenceRowsAndTargets_ByKey_AreThoseRows()
    {
        var procedure = await ODataFeed.GetAsync(Admin, "/odata/Procedures('1.000003')");
        var indicator = await ODataFeed.GetAsync(Admin, "/odata/Indicators('on-time')?$select=Code");
        var target = await ODataFeed.GetAsync(Admin, "/odata/TargetAssignments('P.B%2Fon-time%2F2025-H1')");

        Assert.That(procedure.GetProperty("Code").GetString(), Is.EqualTo("1.000003"));
        Assert.That(indicator.GetProperty("Code").GetString(), Is.EqualTo("on-time"));
        Assert.That(target.GetProperty("Target").GetDouble(), Is.EqualTo(85));
    }

    [TestCase("/odata/Units('P.B.1')")]
    [TestCase("/odata/TargetAssignments('P.B%2Fon-time%2F2025-H1')")]
    [TestCase("/odata/IndicatorValues(UnitCode='P.B',IndicatorCode='on-time',Period='2025-03',Structure='as-of')")]
    [TestCase("D4")]
    [TestCase("D4/Unit")]
    [TestCase("D4/Procedure")]
    public async Task RowOfAnotherSubtree_ForAScopedKey_IsNotFound(string url)
    {
        url = url.StartsWith('D') ? Dossier(url[..2]) + url[2..] : url;

        await AssertNotFoundAsync(scoped, url);
        Assert.That((await Admin.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RowsOfItsOwnSubtree_ForAScopedKey_AreServed()
    {
        var unit = await ODataFeed.GetAsync(scoped, Dossier("D1") + "/Unit");
        var procedure = await ODataFeed.GetAsync(scoped, "/odata/Procedures('1.000002')");

        Assert.That(unit.GetProperty("Code").GetString(), Is.EqualTo("P.A.1"));
        Assert.That(procedure.GetProperty("Code").GetString(), Is.EqualTo("1.000002"));
    }

    [TestCase("/odata/Units('nope')")]
    [TestCase("/odata/Indicators('nope')")]
    [TestCase("/odata/IndicatorValues(UnitCode='P',IndicatorCode='on-time',Period='1999-03',Structure='as-of')")]
    public async Task MissingRow_IsNotFound(string url) => await AssertNotFoundAsync(Admin, url);

    [Test]
    public async Task MissingDossier_AndItsUnit_AreNotFound()
    {
        await AssertNotFoundAsync(Admin, Dossier("nope"));
        await AssertNotFoundAsync(Admin, Dossier("nope") + "/Unit");
    }

    [TestCase("?$filter=Level eq 'commune'", "$filter")]
    [TestCase("?$top=1", "$top")]
    [TestCase("?$orderby=Name", "$orderby")]
    [TestCase("?$count=true", "$count")]
    public async Task QueryOptionsOfAPage_OnASingleRow_AreRefused(string options, string named)
    {
        var message = await ODataFeed.ErrorAsync(Admin, "/odata/Units('P.A.1')" + options);

        Assert.That(message, Does.Contain(named));
    }

    private static async Task AssertNotFoundAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), body);
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("code").GetString(), Is.EqualTo("NotFound"));
        Assert.That(error.GetProperty("message").GetString(), Does.Contain("no").IgnoreCase);
    }
}
