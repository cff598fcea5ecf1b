using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>The group limit of $apply (the largest page, here 3) over the feed dataset's four units P.A.1 83, P.A.2
/// 81, P.B 1 and P.B.1 82: more groups than that are a 400 unless $top asks for no more.</summary>
public sealed class ApplyGroupLimitTests
{
    private const string ByUnit = "/odata/Dossiers?$apply=groupby((UnitCode),aggregate(%24count as N))";

    private ScorecardFactory factory = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory(new() { ["OData:PageSize"] = "2", ["OData:MaxPageSize"] = "3" });
        admin = factory.AdminClient();
        await FeedDataset.SeedAsync(admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        admin.Dispose();
        factory.Dispose();
    }

    private static List<string> Units(JsonElement page) =>
        [.. page.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("UnitCode").GetString()!)];

    [Test]
    public async Task GroupBy_WithMoreGroupsThanTheLimit_Is400SayingHowToReadThem()
    {
        var message = await ODataFeed.ErrorAsync(admin, ByUnit);

        Assert.That(message, Does.Contain("more than 3 groups").And.Contain("$top and $skip"));
    }

    [TestCase("&$top=3", new[] { "P.A.1", "P.A.2", "P.B" })]
    [TestCase("&$skip=1", new[] { "P.A.2", "P.B", "P.B.1" })]
    [TestCase("&$skip=3&$top=3", new[] { "P.B.1" })]
    [TestCase("&$top=0", new string[0])]
    [TestCase("&$filter=N gt 81", new[] { "P.A.1", "P.B.1" })]
    public async Task GroupBy_WithinTheLimit_AnswersTheGroups(string options, string[] expected)
    {
        var page = await ODataFeed.GetAsync(admin, ByUnit + options + "&$count=true");

        Assert.That(Units(page), Is.EqualTo(expected));
    }
}
