using System.Net;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// Queries that reached the database unchecked or broke the answer: each is a 400 OData error saying why,
/// never a 5xx and never a body that is not JSON.
/// </summary>
public sealed class FeedHostileQueryTests : ApiFixture
{
    protected override Task SeedAsync() => FeedDataset.SeedAsync(Admin);

    [TestCase("$apply=aggregate(AmountPaid with sum as from)", "")]
    [TestCase("$apply=aggregate(AmountPaid with sum as select)", "")]
    [TestCase("$apply=groupby((Status),aggregate(AmountPaid with sum as Status))", "twice")]
    [TestCase("$apply=aggregate($count as N,$count as N)", "twice")]
    [TestCase("$apply=aggregate(Unit/ValidFrom with max as M)", "own properties")]
    [TestCase("$apply=aggregate(Status with sum as S)", "takes a number")]
    [TestCase("$apply=aggregate((SupplementCount add 9223372036854775807) mul 2 with sum as S)", "out of range")]
    [TestCase("$apply=aggregate(SupplementCount add 9223372036854775807 with sum as S)", "out of range")]
    [TestCase("$apply=aggregate(AmountPaid mul 1e308 mul 10 with sum as S)", "")]
    [TestCase("$filter=AmountPaid eq NaN", "NaN")]
    [TestCase("$filter=AmountPaid lt INF", "infinities")]
    [TestCase("$skiptoken=o99999999999999", "$skiptoken")]
    [TestCase("$orderby=AmountPaid&$skiptoken=kWyI5OTk5OTk5OTk5OTk5OTk5OTk5OTk5IiwiYm9vdHN0cmFwIiwiWCJd", "$skiptoken")]
    public async Task Query_WhenHostile_IsA400ODataErrorOrValidJson(string query, string mentions)
    {
        using var response = await Admin.GetAsync(new Uri("/odata/Dossiers?" + query, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        using var json = JsonDocument.Parse(body);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.That(mentions, Is.Empty, $"expected a 400 mentioning '{mentions}': {body}");
            return;
        }

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(
            json.RootElement.GetProperty("error").GetProperty("message").GetString(),
            Does.Contain(mentions).IgnoreCase
        );
    }

    [Test]
    public async Task Apply_WhenItsFilterHasTooManyNodes_Is400LikeFilter()
    {
        var filter = string.Join(" or ", Enumerable.Range(0, 90).Select(i => $"SupplementCount eq {i}"));

        var message = await ODataFeed.ErrorAsync(
            Admin,
            "/odata/Dossiers?$apply=filter(" + Uri.EscapeDataString(filter) + ")/aggregate($count as N)"
        );

        Assert.That(message, Does.Contain("250"));
    }

    [Test]
    public async Task Apply_WhenFunctionsNestTooDeep_Is400()
    {
        var nested = Enumerable.Range(0, 12).Aggregate("Code", (inner, _) => $"tolower({inner})");

        var message = await ODataFeed.ErrorAsync(
            Admin,
            "/odata/Dossiers?$apply=filter("
                + Uri.EscapeDataString(nested + " eq 'x'")
                + ")/aggregate($count "
                + "as N)"
        );

        Assert.That(message, Does.Contain("nest"));
    }

    [Test]
    public async Task Apply_WhenAnAliasIsAnSqlKeyword_AnswersTheFigureUnderThatName()
    {
        using var response = await Admin.GetAsync(
            new Uri("/odata/Dossiers?$apply=aggregate($count as from)", UriKind.Relative)
        );
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        Assert.That(
            JsonDocument.Parse(body).RootElement.GetProperty("value")[0].GetProperty("from").GetInt64(),
            Is.Positive
        );
    }
}
