using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// The feeds for a key limited to P.A, asked for P.B in every way a query can: $filter, $expand,
/// $orderby and $top, a forged $skiptoken, $count=true and the /$count segment. P.A holds the
/// dossiers and one target; P.B the dossiers B-1 and B-2 and one target.
/// </summary>
public sealed partial class SecurityMatrixTests
{
    [TestCase("/odata/Dossiers?$filter=UnitCode eq 'P.B.1' or UnitCode eq 'P.B'", 0)]
    [TestCase("/odata/Dossiers?$filter=Unit/Code eq 'P.B' or UnitCode eq 'P.A.1'", 1)]
    [TestCase("/odata/Dossiers?$filter=not (UnitCode eq 'P.A.1')", 1)]
    [TestCase("/odata/Dossiers?$filter=startswith(Code,'B')", 0)]
    [TestCase("/odata/Dossiers?$expand=Unit", 2)]
    [TestCase(
        "/odata/Dossiers?$expand=Unit($select=Code,ParentCode)&$filter=Unit/ParentCode eq 'P.B' or Unit/Code "
            + "eq 'P.B'",
        0
    )]
    [TestCase("/odata/Dossiers?$orderby=UnitCode desc&$top=1", 1)]
    [TestCase("/odata/Dossiers?$skip=2", 0)]
    [TestCase("/odata/Units?$filter=Code eq 'P.B' or ParentCode eq 'P.B'", 0)]
    [TestCase("/odata/Units?$filter=ParentCode eq 'P'", 1)]
    [TestCase("/odata/Units", 3)]
    [TestCase("/odata/TargetAssignments?$filter=UnitCode eq 'P.B'", 0)]
    [TestCase("/odata/TargetAssignments", 1)]
    [TestCase("/odata/IndicatorValues?$filter=UnitCode eq 'P.B' or startswith(UnitCode,'P.B')", 0)]
    public async Task Feeds_ForAKeyOfAnotherSubtree_ListAndCountNoRowOfIt(string url, int rows)
    {
        var page = await FeedAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "$count=true");

        Assert.That(UnitCodes(page), Has.All.Matches<string>(SubtreeOfPA.Contains));
        Assert.That(page.GetProperty("value").GetArrayLength(), Is.EqualTo(rows));
        Assert.That(
            page.GetProperty("@odata.count").GetInt64(),
            Is.EqualTo(
                url.Contains("$top", StringComparison.Ordinal) || url.Contains("$skip", StringComparison.Ordinal)
                    ? 2
                    : rows
            )
        );
    }

    [TestCase("/odata/Dossiers/$count", "2")]
    [TestCase("/odata/Dossiers/$count?$filter=UnitCode eq 'P.B.1' or Unit/Code eq 'P.B'", "0")]
    [TestCase("/odata/Units/$count", "3")]
    [TestCase("/odata/Units/$count?$filter=Code eq 'P.B'", "0")]
    [TestCase("/odata/TargetAssignments/$count?$filter=UnitCode eq 'P.B'", "0")]
    [TestCase("/odata/IndicatorValues/$count?$filter=startswith(UnitCode,'P.B')", "0")]
    public async Task CountSegment_ForAKeyOfAnotherSubtree_CountsItsSubtreeOnly(string url, string count)
    {
        using var response = await clients[KeyKind.OtherSubtreeIntegrator].GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(count));
    }

    [Test]
    public async Task SkipToken_ForgedToStartBeforeTheOtherSubtree_ShowsNoRowOfIt()
    {
        // Keyset continuation after the admin's "A-9" in (source, code) order: B-1 and B-2 follow, both in P.B.
        var token = "k" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""["bootstrap","A-9"]"""));

        var page = await FeedAsync("/odata/Dossiers?$expand=Unit&$skiptoken=" + token);
        var all = await clients[KeyKind.Analyst]
            .GetStringAsync(new Uri("/odata/Dossiers?$skiptoken=" + token, UriKind.Relative));

        Assert.That(page.GetProperty("value").GetArrayLength(), Is.Zero);
        Assert.That(all, Does.Contain("B-1"), "the token does select P.B's dossiers for a province-wide key");
    }

    private async Task<JsonElement> FeedAsync(string url)
    {
        using var response = await clients[KeyKind.OtherSubtreeIntegrator].GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Each row's unit: its UnitCode, a Units row's Code, an expanded Unit's Code.</summary>
    private static IEnumerable<string> UnitCodes(JsonElement page) =>
        page.GetProperty("value")
            .EnumerateArray()
            .SelectMany(row =>
                new[]
                {
                    row.TryGetProperty("UnitCode", out var unit) ? unit.GetString() : null,
                    row.TryGetProperty("ParentCode", out _) && row.TryGetProperty("Code", out var code)
                        ? code.GetString()
                        : null,
                    row.TryGetProperty("Unit", out var expanded) ? expanded.GetProperty("Code").GetString() : null,
                }
            )
            .OfType<string>();
}
