using System.Net;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

public sealed class DossierFeedTests : ApiFixture
{
    protected override Task SeedAsync() => FeedDataset.SeedAsync(Admin);

    private async Task<List<string>> CodesAsync(string filter, string extra = "") =>
        ODataFeed.Codes(
            (await ODataFeed.AllAsync(Admin, "/odata/Dossiers?$filter=" + Uri.EscapeDataString(filter) + extra)).Rows
        );

    [Test]
    public async Task Filter_OnUnitAndReceivedRange_SelectsThoseDossiers()
    {
        // D1 and D2 were received at P.A.1 on 3 March (Vietnam time); D7 later that month.
        var codes = await CodesAsync(
            "UnitCode eq 'P.A.1' and ReceivedAt ge 2025-03-01T00:00:00+07:00 and ReceivedAt "
                + "lt 2025-03-04T00:00:00+07:00"
        );

        Assert.That(codes, Is.EqualTo(new[] { "D1", "D2" }));
    }

    [Test]
    public async Task Filter_InstantLiteralsWithAnyOffset_AreComparedInUtc()
    {
        // D2 was received at 09:00+07:00 = 02:00Z; D1 an hour earlier.
        var local = await CodesAsync(
            "startswith(Code,'D') and ReceivedAt ge 2025-03-03T09:00:00+07:00 and "
                + "ReceivedAt lt 2025-03-04T00:00:00+07:00"
        );
        var utc = await CodesAsync(
            "startswith(Code,'D') and ReceivedAt ge 2025-03-03T02:00:00Z and ReceivedAt lt 2025-03-03T17:00:00Z"
        );
        var misread = await CodesAsync(
            "startswith(Code,'D') and ReceivedAt ge 2025-03-03T09:00:00Z and ReceivedAt lt 2025-03-04T00:00:00Z"
        );

        Assert.That(local, Is.EqualTo(new[] { "D2" }));
        Assert.That(utc, Is.EqualTo(local));
        Assert.That(misread, Is.Empty);
    }

    [TestCase("D1", "early")]
    [TestCase("D2", "late")]
    [TestCase("D3", "on-time")]
    [TestCase("D7", "overdue")] // open, due Wed 2 April 2025: long past
    public async Task Timeliness_OfEachDossier_IsWhatTheFoldSays(string code, string timeliness)
    {
        var page = await ODataFeed.GetAsync(Admin, $"/odata/Dossiers?$filter=Code eq '{code}'&$select=Code,Timeliness");

        Assert.That(page.GetProperty("value")[0].GetProperty("Timeliness").GetString(), Is.EqualTo(timeliness));
        Assert.That(await CodesAsync($"Timeliness eq '{timeliness}' and startswith(Code,'D')"), Does.Contain(code));
    }

    [TestCase("FinishedAt eq null and startswith(Code,'D')", new[] { "D7" })]
    [TestCase("Code in ('D1','D3','nope')", new[] { "D1", "D3" })]
    [TestCase("year(ReceivedAt) eq 2025 and month(ReceivedAt) eq 3 and day(ReceivedAt) eq 28", new[] { "D7" })]
    [TestCase("Digitised and startswith(Code,'D')", new[] { "D1" })]
    [TestCase("not Digitised and UnitCode eq 'P.A.2' and startswith(Code,'D')", new[] { "D3" })]
    [TestCase("endswith(Code,'7') and startswith(Code,'D')", new[] { "D7" })]
    [TestCase(
        "Channel eq 'online' and (UnitCode eq 'P.B' or UnitCode eq 'P.B.1') and startswith(Code,'D')",
        new[] { "D4", "D6" }
    )]
    [TestCase("Unit/Level eq 'district' and startswith(Code,'D')", new[] { "D6" })]
    [TestCase("Procedure/HasFee and startswith(Code,'D')", new[] { "D5", "D6" })]
    [TestCase("length(UnitCode) eq 3 and startswith(Code,'D')", new[] { "D6" })]
    [TestCase("tolower(Code) eq 'd4'", new[] { "D4" })]
    [TestCase(
        "SupplementCount add 1 eq 1 and ProcedureCode ne '1.000001' and startswith(Code,'D')",
        new[] { "D5", "D6" }
    )]
    [TestCase("Timeliness ne 'late' and startswith(Code,'D')", new[] { "D1", "D3", "D5", "D6", "D7" })]
    public async Task Filter_Expressions_AreExecutedAsOData(string filter, string[] expected)
    {
        Assert.That(await CodesAsync(filter), Is.EqualTo(expected));
    }

    [TestCase("Code eq 'D1'' or ''1'' eq ''1'")]
    [TestCase("contains(Code,'%')")]
    [TestCase("contains(Code,'_')")]
    [TestCase("startswith(Code,'D1'' OR 1=1 --')")]
    [TestCase("Code eq 'D1; DROP TABLE dossiers'")]
    public async Task Filter_InjectionThroughLiterals_FindsNothing(string filter)
    {
        Assert.That(await CodesAsync(filter), Is.Empty);
        Assert.That(
            (await ODataFeed.GetAsync(Admin, "/odata/Dossiers/$count")).GetInt64(),
            Is.EqualTo(FeedDataset.Total),
            "the table is intact"
        );
    }

    [Test]
    public async Task SelectAndExpand_WriteOnlyWhatWasAsked()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/Dossiers?$filter=Code eq 'D6'&$select=Code,AmountPaid&$expand=Unit($select=Name),Procedure"
        );

        var row = page.GetProperty("value")[0];
        Assert.That(
            page.GetProperty("@odata.context").GetString(),
            Does.EndWith("$metadata#Dossiers(Code,AmountPaid,Unit(Name),Procedure())")
        );
        Assert.That(
            row.EnumerateObject().Select(p => p.Name),
            Is.EquivalentTo(new[] { "Code", "AmountPaid", "Unit", "Procedure" })
        );
        Assert.That(row.GetProperty("Unit").GetProperty("Name").GetString(), Is.EqualTo("Huyện B"));
        Assert.That(row.GetProperty("Procedure").GetProperty("Code").GetString(), Is.EqualTo("1.000002"));
        Assert.That(row.GetProperty("Procedure").GetProperty("HasFee").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Count_AsOptionAndAsSegment_AgreeWithTheRows()
    {
        const string filter = "UnitCode eq 'P.A.2' and FinishedAt ne null";
        var (rows, _) = await ODataFeed.AllAsync(Admin, "/odata/Dossiers?$filter=" + Uri.EscapeDataString(filter));
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/Dossiers?$top=1&$count=true&$filter=" + Uri.EscapeDataString(filter)
        );
        using var segment = await Admin.GetAsync(
            new Uri("/odata/Dossiers/$count?$filter=" + Uri.EscapeDataString(filter), UriKind.Relative)
        );

        // G: i % 3 == 1 and i even → 40 of 240; D3 at P.A.2 resolved.
        Assert.That(rows, Has.Count.EqualTo(41));
        Assert.That(page.GetProperty("@odata.count").GetInt64(), Is.EqualTo(41));
        Assert.That(page.GetProperty("value").GetArrayLength(), Is.EqualTo(1));
        Assert.That(segment.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await segment.Content.ReadAsStringAsync(), Is.EqualTo("41"));
    }

    [TestCase("")]
    [TestCase("&$orderby=ReceivedAt desc")]
    [TestCase("&$orderby=UnitCode,ReceivedAt")]
    [TestCase("&$orderby=FinishedAt desc")] // nullable: the open dossiers' nulls come last
    [TestCase("&$orderby=FinishedAt,Channel desc")] // and first ascending
    [TestCase("&$orderby=Timeliness desc,DueAt")]
    [TestCase("&$orderby=EndedInTime,ReturnedAt desc,UnitCode")]
    [TestCase("&$filter=UnitCode ne 'P.B.1'&$orderby=Timeliness")]
    public async Task NextLinks_ReturnEveryRowOnceInOrder(string options)
    {
        using var paged = Factory.AdminClient();
        paged.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=25");
        var (all, _) = await ODataFeed.AllAsync(Admin, "/odata/Dossiers?$top=100000" + options);
        var (rows, pages) = await ODataFeed.AllAsync(paged, "/odata/Dossiers?" + options.TrimStart('&'));

        Assert.That(ODataFeed.Codes(rows), Is.EqualTo(ODataFeed.Codes(all)));
        Assert.That(rows.Select(r => r.GetProperty("Code").GetString()).Distinct().Count(), Is.EqualTo(rows.Count));
        Assert.That(pages, Is.EqualTo((rows.Count + 24) / 25));
    }

    [TestCase("FinishedAt", new[] { "D7", "D1", "D5", "D6", "D3", "D2", "D4" })]
    [TestCase("FinishedAt desc", new[] { "D4", "D2", "D3", "D5", "D6", "D1", "D7" })]
    public async Task NextLinks_SortedByANullableColumn_ContinueByKeysetWithNullsOrderedAlike(
        string orderBy,
        string[] expected
    )
    {
        // Finished (UTC): D1 4 Mar 03:00, D5 and D6 5 Mar 01:00, D3 10 Mar 02:00, D2 10 Mar 03:00, D4 20 Mar 01:00;
        // D7 is open: null, before every instant ascending and after every one descending (then by source, code).
        using var paged = Factory.AdminClient();
        paged.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=1");
        var url = $"/odata/Dossiers?$filter=startswith(Code,'D')&$orderby={orderBy}&$select=Code";
        var links = new List<string>();
        var codes = new List<string>();
        string? next = url;
        while (next is not null)
        {
            var page = await ODataFeed.GetAsync(paged, next);
            codes.AddRange(ODataFeed.Codes(page.GetProperty("value").EnumerateArray()));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            links.AddRange(next is null ? [] : [next]);
        }

        Assert.That(codes, Is.EqualTo(expected));
        Assert.That(links, Has.Count.EqualTo(6).And.All.Contain("$skiptoken=k"));
    }

    [Test]
    public async Task Top_LargerThanAPage_IsHonouredAcrossPages()
    {
        using var paged = Factory.AdminClient();
        paged.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=50");

        var (rows, pages) = await ODataFeed.AllAsync(paged, "/odata/Dossiers?$top=120&$skip=5&$orderby=ReceivedAt");
        var all = ODataFeed.Codes(
            (await ODataFeed.AllAsync(Admin, "/odata/Dossiers?$top=100000&$orderby=ReceivedAt")).Rows
        );

        Assert.That(ODataFeed.Codes(rows), Is.EqualTo(all.Skip(5).Take(120)));
        Assert.That(pages, Is.EqualTo(3));
    }

    [Test]
    public async Task Page_WithoutPreference_IsTheDefaultPageSizeWithANextLink()
    {
        var page = await ODataFeed.GetAsync(Admin, "/odata/Dossiers");

        Assert.That(
            page.GetProperty("value").GetArrayLength(),
            Is.EqualTo(FeedDataset.Total),
            "247 rows fit in the default page of 1,000"
        );
        Assert.That(page.TryGetProperty("@odata.nextLink", out _), Is.False);
    }

    [Test]
    public async Task OtherSets_ServeTheirRows()
    {
        var units = await ODataFeed.GetAsync(Admin, "/odata/Units?$filter=ParentCode eq null");
        var procedures = await ODataFeed.GetAsync(
            Admin,
            "/odata/Procedures?$filter=OnlineService ne 'none'&$select=Code&$orderby=Code desc"
        );
        var indicators = await ODataFeed.GetAsync(Admin, "/odata/Indicators?$filter=Kind eq 'built-in'&$count=true");
        var ended = await ODataFeed.GetAsync(Admin, "/odata/Units?$filter=ValidTo lt 2025-01-01");

        Assert.That(ODataFeed.Codes(units.GetProperty("value").EnumerateArray()), Is.EqualTo(new[] { "P" }));
        Assert.That(
            ODataFeed.Codes(procedures.GetProperty("value").EnumerateArray()),
            Is.EqualTo(new[] { "1.000002", "1.000001" })
        );
        Assert.That(indicators.GetProperty("@odata.count").GetInt64(), Is.EqualTo(17));
        Assert.That(ODataFeed.Codes(ended.GetProperty("value").EnumerateArray()), Is.EqualTo(new[] { "P.S" }));
        Assert.That(ended.GetProperty("value")[0].GetProperty("ValidTo").GetString(), Is.EqualTo("2024-12-31"));
    }

    [Test]
    public async Task ToUpper_FoldsVietnameseLetters()
    {
        var page = await ODataFeed.GetAsync(
            Admin,
            "/odata/Units?$filter=" + Uri.EscapeDataString("toupper(Name) eq 'SỞ CŨ'")
        );

        Assert.That(ODataFeed.Codes(page.GetProperty("value").EnumerateArray()), Is.EqualTo(new[] { "P.S" }));
    }
}
