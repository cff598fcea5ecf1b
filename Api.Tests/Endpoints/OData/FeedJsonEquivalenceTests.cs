using System.Globalization;
using System.Net.Http.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// Pages in minimal-metadata JSON and counts are written directly from the rows; they must be the very
/// document the OData serializer writes. Two services over the same data, one of them with the direct writer
/// switched off, answer every query here with identical bytes.
/// </summary>
public sealed class FeedJsonEquivalenceTests
{
    private ScorecardFactory direct = null!;
    private ScorecardFactory serializer = null!;
    private HttpClient directClient = null!;
    private HttpClient serializerClient = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        direct = new ScorecardFactory();
        serializer = new ScorecardFactory(new() { ["OData:WriteJsonDirectly"] = "false" });
        directClient = direct.AdminClient();
        serializerClient = serializer.AdminClient();
        foreach (var client in new[] { directClient, serializerClient })
        {
            await FeedDataset.SeedAsync(client);
            (
                await client.PutAsJsonAsync(
                    "/api/targets",
                    new object[]
                    {
                        new
                        {
                            unitCode = "P.A",
                            indicator = "on-time",
                            period = "2025-H1",
                            target = 80m,
                            baseline = 62.5m,
                            assignedBy = "P",
                            reference = "QĐ 12/QĐ-UBND \"thí điểm\"",
                        },
                        new
                        {
                            unitCode = "P",
                            indicator = "online-submission",
                            period = "2025",
                            target = 33.333m,
                            assignedBy = "P",
                            appliesToLevel = "commune",
                        },
                    }
                )
            ).EnsureSuccessStatusCode();
        }
    }

    [OneTimeTearDown]
    public void Stop()
    {
        directClient.Dispose();
        serializerClient.Dispose();
        direct.Dispose();
        serializer.Dispose();
    }

    [TestCase("/odata/Dossiers?$top=30")]
    [TestCase("/odata/Dossiers?$top=30&$count=true&$filter=startswith(Code,'D')")]
    [TestCase("/odata/Dossiers?$select=Timeliness,Code,FinishedAt&$orderby=FinishedAt desc&$top=20")]
    [TestCase("/odata/Dossiers?$expand=Procedure,Unit($select=Name,Level)&$top=10")]
    [TestCase("/odata/Dossiers?$select=Code&$expand=Unit&$filter=UnitCode eq 'P.B'")]
    [TestCase("/odata/Dossiers?$top=60&$orderby=ReceivedAt")]
    [TestCase("/odata/Dossiers?$select=Code,Unit&$expand=Unit($select=Name)&$top=5")]
    [TestCase("/odata/Dossiers?$select=Unit&$expand=Unit&$top=5")]
    [TestCase("/odata/Dossiers?$orderby=Unit/Name desc,Code&$select=Code&$expand=Procedure($select=Code)&$top=30")]
    [TestCase("/odata/Dossiers?$orderby=Procedure/Name&$top=30")]
    [TestCase("/odata/Dossiers(Source='bootstrap',Code='D2')?$select=Code&$expand=Unit($select=Name)")]
    [TestCase("/odata/Dossiers(Source='bootstrap',Code='D2')/Unit?$select=Code,Level")]
    [TestCase("/odata/Units('P.A.1')")]
    [TestCase("/odata/Units")]
    [TestCase("/odata/Units?$select=Name,ValidTo")]
    [TestCase("/odata/Procedures")]
    [TestCase("/odata/Indicators?$count=true")]
    [TestCase("/odata/TargetAssignments")]
    public async Task Page_WrittenDirectly_IsTheSerializersDocument(string url)
    {
        var expected = await BodyAsync(serializerClient, url);
        var actual = await BodyAsync(directClient, url);

        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase("/odata/Dossiers/$count")]
    [TestCase("/odata/Dossiers/$count?$filter=UnitCode eq 'P.B'")]
    [TestCase("/odata/Dossiers/$count?$filter=UnitCode eq 'nowhere'")]
    [TestCase("/odata/Units('P.A')/Dossiers/$count")]
    [TestCase("/odata/Units/$count?$format=json")]
    [TestCase("/odata/Dossiers/$count?$apply=groupby((UnitCode))")]
    public async Task Count_WrittenDirectly_IsTheSerializersAnswer(string url)
    {
        var expected = await BodyAsync(serializerClient, url, "text/plain; charset=utf-8");
        var actual = await BodyAsync(directClient, url, "text/plain; charset=utf-8");

        Assert.That(actual, Is.EqualTo(expected));
        Assert.That(long.Parse(actual, CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(0));
    }

    private static async Task<string> BodyAsync(
        HttpClient client,
        string url,
        string contentType = "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8"
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Prefer", "odata.maxpagesize=25");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), body);
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo(contentType));
        Assert.That(response.Headers.GetValues("OData-Version"), Is.EqualTo(new[] { "4.0" }));
        return body;
    }
}
