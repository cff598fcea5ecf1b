using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>Every limit of the feeds is a 400 OData error that says which limit, with no stack trace or SQL.</summary>
public sealed class FeedLimitTests : ApiFixture
{
    protected override Task SeedAsync() => FeedDataset.SeedAsync(Admin);

    [TestCase("$top=1000001", "Top")]
    [TestCase("$skip=1000001", "Skip")]
    [TestCase("$orderby=Code,Status,Channel,UnitCode,ReceivedAt,DueAt", "OrderBy")]
    [TestCase("$expand=Unit($expand=Unit)", "property named 'Unit'")]
    [TestCase("$expand=Unit($filter=Level eq 'commune')", "nested $select")]
    [TestCase("$filter=Nope eq 1", "Nope")]
    [TestCase("$filter=Code eq", "Expression expected")]
    [TestCase("$filter=matchesPattern(Code,'^D')", "matchesPattern")]
    [TestCase("$filter=cast(Code,Edm.Int32) eq 1", "cast")]
    [TestCase("$search=late", "Search")]
    [TestCase("$orderby=tolower(Code)", "$orderby takes properties")]
    [TestCase("$skiptoken=kbm90LWEtdG9rZW4", "$skiptoken")]
    public async Task Query_BeyondALimitOrUnsupported_Is400SayingWhy(string query, string mentions)
    {
        var message = await ODataFeed.ErrorAsync(Admin, "/odata/Dossiers?" + query);

        Assert.That(message, Does.Contain(mentions).IgnoreCase);
    }

    [Test]
    public async Task InList_OverTheCap_Is400NamingTheCap()
    {
        var list = string.Join(",", Enumerable.Range(0, 501).Select(i => $"'X{i}'"));

        var message = await ODataFeed.ErrorAsync(Admin, "/odata/Dossiers?$filter=Code in (" + list + ")");

        Assert.That(message, Does.Contain("500"));
    }

    [Test]
    public async Task Url_LongerThanTheLimit_Is400NamingTheLimit()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 150).Select(i => $"Code eq 'X{i}'"));

        var message = await ODataFeed.ErrorAsync(Admin, "/odata/Dossiers?$filter=" + Uri.EscapeDataString(filter));

        Assert.That(message, Does.Contain("4,096"));
    }

    [Test]
    public async Task Filter_WhenTheLeftSideOfInHasMoreNodesThanTheLimit_Is400NamingTheLimit()
    {
        // The OData library's own count skips both sides of 'in'; 130 additions are 261 nodes.
        var sum = "SupplementCount" + string.Concat(Enumerable.Repeat(" add 1", 130));

        var message = await ODataFeed.ErrorAsync(
            Admin,
            "/odata/Dossiers/$count?$filter=" + Uri.EscapeDataString($"({sum}) in (1,2)")
        );

        Assert.That(message, Does.Contain("250 nodes"));
    }

    [Test]
    public async Task Apply_WithAnInListLongerThanTheNodeLimit_IsAnsweredAsFilterIs()
    {
        // A list counts as one node in both, and is capped at 500 values by itself.
        var list = string.Join(",", Enumerable.Range(0, 300).Select(i => $"'X{i}'")) + ",'D1'";

        var filtered = await ODataFeed.GetAsync(Admin, "/odata/Dossiers?$filter=Code in (" + list + ")&$select=Code");
        var applied = await ODataFeed.GetAsync(
            Admin,
            "/odata/Dossiers?$apply=filter(Code in (" + list + "))/aggregate($count as N)"
        );

        Assert.That(filtered.GetProperty("value").GetArrayLength(), Is.EqualTo(1));
        Assert.That(applied.GetProperty("value")[0].GetProperty("N").GetInt64(), Is.EqualTo(1));
    }

    [Test]
    public async Task Filter_WithTooManyNodes_Is400NamingTheLimit()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 90).Select(i => $"SupplementCount eq {i}"));

        var message = await ODataFeed.ErrorAsync(
            Admin,
            "/odata/Dossiers?$filter=" + filter.Replace(" ", "%20", StringComparison.Ordinal)
        );

        Assert.That(message, Does.Contain("node count limit of '250'"));
    }
}
