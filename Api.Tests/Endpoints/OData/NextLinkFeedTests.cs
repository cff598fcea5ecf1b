using System.Net;
using System.Text.Json;
using Microsoft.OData.UriParser;
using Scorecard.Api.OData;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// Next links read as OData writes URLs (<c>Unit($select=Level)</c>, not <c>Unit($select%3DLevel)</c>): each one
/// parses back against the served model into the same query, and following them yields the rows of one long page.
/// </summary>
public sealed class NextLinkFeedTests : ApiFixture
{
    private static readonly Microsoft.OData.Edm.IEdmModel Model = ScorecardEdm.Build();

    protected override Task SeedAsync() => FeedDataset.SeedAsync(Admin);

    [TestCase("$select=Code,UnitCode&$expand=Unit($select=Level)&$orderby=ReceivedAt desc")]
    [TestCase("$expand=Unit($select=Level,Name),Procedure($select=Code)&$select=Code&$orderby=UnitCode,Code desc")]
    [TestCase("$filter=Unit/Level eq 'commune' and contains(Code,'0')&$select=Code,UnitCode&$expand=Unit")]
    [TestCase(
        "$orderby=Unit/Name desc,ReceivedAt&$select=Code,Unit&$expand=Unit($select=Name),Procedure($select=Code)"
    )]
    [TestCase("$orderby=Procedure/Name,Unit/Code desc&$select=Code&$filter=AmountPaid gt 0.5M or SupplementCount ge 0")]
    public async Task Walk_WithExpandSelectAndOrderBy_NextLinksParseBackAndContinue(string options)
    {
        var query = "/odata/Dossiers?" + options + "&$count=true";
        var whole = await PageAsync(query, pageSize: 1000);
        var rows = new List<string>();
        var links = new List<string>();
        string? next = query;
        while (next is not null)
        {
            var page = await PageAsync(next, pageSize: 40);
            rows.AddRange(page.GetProperty("value").EnumerateArray().Select(r => r.GetRawText()));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            if (next is not null)
            {
                links.Add(next);
            }
        }

        Assert.That(links, Has.Count.GreaterThan(1));
        Assert.That(rows, Is.EqualTo(whole.GetProperty("value").EnumerateArray().Select(r => r.GetRawText())));
        foreach (var link in links)
        {
            Assert.That(
                link,
                Does.Not.Contain("%3D").And.Not.Contain("%2F").And.Not.Contain("%28").And.Not.Contain("+")
            );
            var parser = new ODataUriParser(Model, new Uri("http://localhost/odata/"), new Uri(link));
            var original = new ODataUriParser(
                Model,
                new Uri("http://localhost/odata/"),
                new Uri("http://localhost" + query)
            );
            Assert.That(parser.ParsePath().FirstSegment.Identifier, Is.EqualTo("Dossiers"));
            Assert.That(Shape(parser), Is.EqualTo(Shape(original)), link);
            Assert.That(parser.ParseSkipToken(), Is.Not.Empty);
        }
    }

    [Test]
    public void Escape_OfQueryOptionText_KeepsODataSyntaxAndEncodesTheRest()
    {
        Assert.That(FeedLinks.Escape("Unit($select=Level)"), Is.EqualTo("Unit($select=Level)"));
        Assert.That(FeedLinks.Escape("Unit/Name desc"), Is.EqualTo("Unit/Name%20desc"));
        Assert.That(FeedLinks.Escape("Name eq 'a&b+c#d%'"), Is.EqualTo("Name%20eq%20'a%26b%2Bc%23d%25'"));
        Assert.That(FeedLinks.Escape("Sở"), Is.EqualTo("S%E1%BB%9F"));
    }

    /// <summary>What a parsed URL asks for, apart from its continuation.</summary>
    private static string Shape(ODataUriParser parser)
    {
        var filter = parser.ParseFilter();
        var orderBy = parser.ParseOrderBy();
        var selectExpand = parser.ParseSelectAndExpand();
        var order = new List<string>();
        for (var o = orderBy; o is not null; o = o.ThenBy)
        {
            order.Add(o.Expression.Kind + ":" + o.Direction);
        }

        var items = selectExpand?.SelectedItems.Select(i =>
            i switch
            {
                PathSelectItem p => p.SelectedPath.FirstSegment.Identifier,
                ExpandedNavigationSelectItem e => e.PathToNavigationProperty.FirstSegment.Identifier
                    + "("
                    + string.Join(
                        ",",
                        e.SelectAndExpand.SelectedItems.OfType<PathSelectItem>()
                            .Select(p => p.SelectedPath.FirstSegment.Identifier)
                    )
                    + ")",
                _ => i.GetType().Name,
            }
        )
            ?? [];
        return $"{filter?.Expression.Kind} | {string.Join(",", order)} | {string.Join(",", items)} | "
            + parser.ParseCount();
    }

    private async Task<JsonElement> PageAsync(string url, int pageSize)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Prefer", $"odata.maxpagesize={pageSize}");
        using var response = await Admin.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
