using System.Net.Http.Headers;
using System.Xml;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.Edm.Validation;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>Requests shaped like Excel's and Power BI's (OData.Feed), read back with Microsoft.OData's own
/// readers.</summary>
public sealed class PowerQueryCompatibilityTests : ApiFixture
{
    private HttpClient powerQuery = null!;

    protected override async Task SeedAsync()
    {
        await FeedDataset.SeedAsync(Admin);
        powerQuery = Factory.BasicClient(ScorecardFactory.AdminKey);
        powerQuery.DefaultRequestHeaders.Accept.ParseAdd(
            "application/json;odata.metadata=minimal;q=1.0,application/json;odata=minimalmetadata;q=0.9,"
                + "application/atomsvc+xml;q=0.8,application/atom+xml;q=0.8,application/xml;q=0.7,text/plain;q=0.7"
        );
        powerQuery.DefaultRequestHeaders.Add("OData-MaxVersion", "4.0");
        powerQuery.DefaultRequestHeaders.Add("OData-Version", "4.0");
        powerQuery.DefaultRequestHeaders.UserAgent.ParseAdd("Microsoft.Data.Mashup");
    }

    [TestCase("/odata/")]
    [TestCase("/odata/$metadata")]
    [TestCase("/odata/Dossiers?$top=3")]
    [TestCase("/odata/Dossiers/$count")]
    [TestCase("/odata/IndicatorValues?$top=1")]
    public async Task Responses_CarryExactlyOneODataVersionHeader(string url)
    {
        using var response = await powerQuery.GetAsync(new Uri(url, UriKind.Relative));

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.GetValues("OData-Version"), Is.EqualTo(new[] { "4.0" }));
    }

    [Test]
    public async Task Metadata_IsValidCsdlWithTheSpecifiedSetsAndTypes()
    {
        var model = await ModelAsync();

        Assert.That(
            model.EntityContainer.EntitySets().Select(s => s.Name),
            Is.EquivalentTo(
                new[]
                {
                    "Units",
                    "Procedures",
                    "Dossiers",
                    "Indicators",
                    "TargetAssignments",
                    "IndicatorValues",
                    "IndexScores",
                    "AuditEntries",
                }
            )
        );
        var dossier = model.EntityContainer.FindEntitySet("Dossiers").EntityType;
        Assert.That(dossier.Key().Select(k => k.Name), Is.EquivalentTo(new[] { "Source", "Code" }));
        Assert.That(dossier.FindProperty("ReceivedAt").Type.FullName(), Is.EqualTo("Edm.DateTimeOffset"));
        Assert.That(dossier.FindProperty("Status").Type.FullName(), Is.EqualTo("Edm.String"));
        Assert.That(dossier.NavigationProperties().Select(n => n.Name), Is.EquivalentTo(new[] { "Unit", "Procedure" }));
        Assert.That(
            model.EntityContainer.FindEntitySet("Units").EntityType.FindProperty("ValidFrom").Type.FullName(),
            Is.EqualTo("Edm.Date")
        );
        Assert.That(
            model.EntityContainer.FindEntitySet("IndicatorValues").EntityType.Key().Select(k => k.Name),
            Is.EqualTo(new[] { "UnitCode", "IndicatorCode", "Period", "Structure" })
        );
        Assert.That(MetadataAnnotationTests.MetadataErrors(model), Is.Empty);
    }

    [Test]
    public async Task Pages_AreReadableByODataMessageReader_AndNextLinksCoverEveryRowOnce()
    {
        var model = await ModelAsync();
        var set = model.EntityContainer.FindEntitySet("Dossiers");
        powerQuery.DefaultRequestHeaders.Add("Prefer", "odata.maxpagesize=100");
        var codes = new List<string>();
        Uri? next = new("/odata/Dossiers?$select=Code,ReceivedAt,AmountPaid", UriKind.Relative);
        var pages = 0;
        while (next is not null)
        {
            using var response = await powerQuery.GetAsync(next);
            var body = await response.Content.ReadAsStreamAsync();
            var message = new ResponseMessage(body, response.Content.Headers.ContentType!.ToString());
            using var reader = new ODataMessageReader(
                (IODataResponseMessage)message,
                new ODataMessageReaderSettings { EnableMessageStreamDisposal = false },
                model
            );
            var feed = reader.CreateODataResourceSetReader(set, set.EntityType);
            next = null;
            while (feed.Read())
            {
                if (feed.State == ODataReaderState.ResourceEnd && feed.Item is ODataResource row)
                {
                    var values = row.Properties.OfType<ODataProperty>().ToDictionary(p => p.Name, p => p.Value);
                    Assert.That(values["ReceivedAt"], Is.TypeOf<DateTimeOffset>());
                    codes.Add((string)values["Code"]);
                }
                else if (feed.State == ODataReaderState.ResourceSetEnd && feed.Item is ODataResourceSet page)
                {
                    next = page.NextPageLink;
                }
            }

            pages++;
        }

        Assert.That(pages, Is.EqualTo(3));
        Assert.That(codes, Has.Count.EqualTo(FeedDataset.Total));
        Assert.That(codes.Distinct().Count(), Is.EqualTo(FeedDataset.Total));
    }

    private async Task<IEdmModel> ModelAsync()
    {
        var xml = await powerQuery.GetStringAsync(new Uri("/odata/$metadata", UriKind.Relative));
        using var reader = XmlReader.Create(new StringReader(xml));
        Assert.That(
            CsdlReader.TryParse(reader, out var model, out var errors),
            Is.True,
            string.Join("; ", errors ?? [])
        );
        return model;
    }

    private sealed class ResponseMessage(Stream body, string contentType) : IODataResponseMessage
    {
        private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = contentType,
        };

        public IEnumerable<KeyValuePair<string, string>> Headers => headers;

        public int StatusCode { get; set; } = 200;

        public string GetHeader(string headerName) => headers.TryGetValue(headerName, out var value) ? value : null!;

        public void SetHeader(string headerName, string headerValue) => headers[headerName] = headerValue;

        public Stream GetStream() => body;
    }
}
