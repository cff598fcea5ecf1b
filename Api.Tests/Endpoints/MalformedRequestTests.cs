using System.Buffers;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// Requests that were once answered with a 5xx, or with an error that was not a problem document
/// (an OData error document under /odata); each found by the request fuzz (FuzzTests).
/// </summary>
public sealed class MalformedRequestTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await TestProvince.PostAsync(
                Admin,
                new
                {
                    id = "d-1",
                    dossierCode = "D-1",
                    type = "received",
                    at = "2025-03-03T08:00:00+07:00",
                    procedureCode = "1.000001",
                    unitCode = "P.A.1",
                    channel = "online",
                }
            )
        ).EnsureSuccessStatusCode();
    }

    [TestCase("PUT", "/api/indicators/on-time/bands", """{}""", "Bands")]
    [TestCase("PUT", "/api/indicators/on-time/bands", """{"validFrom":"2025-01-01","bands":[null]}""", "Bands[0]")]
    [TestCase("PUT", "/api/indicators", """[{"code":"x-1","name":"X","bands":[null]}]""", "indicators[0].Bands")]
    [TestCase(
        "PUT",
        "/api/units",
        """[{"code":"Z","name":"Z","level":"province","kind":"locality","externalIds":{"qcvn102":null}}]""",
        "units[0].ExternalIds"
    )]
    [TestCase(
        "PUT",
        "/api/targets",
        """
            [{"unitCode":"P.A","indicator":"on-time","period":"2025-H2","target":80,"assignedBy":"P"},
            {"unitCode":"P.A","indicator":"on-time","period":"2025S2","target":85,"assignedBy":"P"}]
            """,
        "once per request"
    )]
    public async Task Body_WhenMissingOrNullWhereAListIsExpected_Is400NamingTheField(
        string method,
        string url,
        string body,
        string mentions
    )
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = ProblemAssert.Json(body) };

        var problem = await ProblemAssert.IsProblemAsync(await Admin.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.That(problem.ToString(), Does.Contain(mentions));
    }

    [TestCase("/api/calendar?from=abc", "'from' must be a date such as 2025-01-31; got 'abc'.")]
    [TestCase(
        "/api/series?unitCode=P&indicator=on-time&from=2025-01-01&to=2025-01-01&to=2025-02-01",
        "'to' must be a date such as 2025-01-31; got '2025-01-01,2025-02-01'."
    )]
    public async Task Query_WhenAValueCannotBeBound_Is400NamingTheParameterWithoutClrTypes(string url, string detail)
    {
        var problem = await ProblemAssert.IsProblemAsync(await Admin.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo(detail));
    }

    [Test]
    public async Task Put_WithoutABody_Is400AskingForOne()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync(
                "/api/units",
                new ByteArrayContent([]) { Headers = { ContentType = new("application/json") } }
            ),
            HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("A request body is required."));
    }

    [TestCase("/api/units", """[{"code":""", HttpStatusCode.BadRequest)]
    [TestCase("/api/units", "[]", HttpStatusCode.UnsupportedMediaType)]
    public async Task Errors_RaisedAsExceptions_KeepTheSecurityHeaders(string url, string body, HttpStatusCode status)
    {
        var content =
            status == HttpStatusCode.UnsupportedMediaType ? new StringContent(body) : ProblemAssert.Json(body);

        using var response = await Admin.PutAsync(url, content);

        await ProblemAssert.IsProblemAsync(response, status);
        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
        Assert.That(response.Headers.GetValues("X-Frame-Options"), Is.EqualTo(new[] { "DENY" }));
        Assert.That(response.Headers.GetValues("Referrer-Policy"), Is.EqualTo(new[] { "no-referrer" }));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
    }

    [Test]
    public async Task Body_WhenTheJsonReaderFailsWithoutAJsonException_Is400NotValidJson()
    {
        var failure = ReaderFailureOnATruncatedLiteral();
        var handler = Factory.Services.GetServices<IExceptionHandler>().Single();
        var http = new DefaultHttpContext { RequestServices = Factory.Services };
        http.Request.Path = "/api/units";
        http.Response.Body = new MemoryStream();

        var handled = await handler.TryHandleAsync(http, failure, CancellationToken.None);

        Assert.That(handled, Is.True);
        Assert.That(http.Response.StatusCode, Is.EqualTo(StatusCodes.Status400BadRequest));
        Assert.That(
            Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()),
            Does.Contain("not valid JSON")
        );
    }

    [Test]
    public async Task DossierEvents_WithEscapedLoneSurrogates_RejectTheEventOrIgnoreTheName()
    {
        var body = """
            {"events":[
              {"id":"a\ud800","dossierCode":"D-1","type":"digitised","at":"2025-03-04T08:00:00+07:00"},
              {"id":"d-1-2","\udc00":"x","dossierCode":"D-1","type":"digitised","at":"2025-03-04T08:00:00+07:00"}
            ]}
            """;

        var response = await Admin.PostAsync("/api/dossier-events", ProblemAssert.Json(body));

        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), result.ToString());
        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(1));
        Assert.That(
            result.GetProperty("rejected")[0].GetProperty("errors")[0].GetProperty("message").GetString(),
            Does.Contain("valid Unicode")
        );
    }

    [Test]
    public async Task Body_WithAnUnknownCharset_Is415NamingIt()
    {
        var content = new StringContent(
            """[{"code":"9.1","name":"X","field":"F","level":"commune","onlineService":"none"}]"""
        );
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(
            "application/json; charset=nope"
        );

        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync("/api/procedures", content),
            HttpStatusCode.UnsupportedMediaType
        );

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'nope'"));
    }

    [TestCase("/api/units", false, HttpStatusCode.Unauthorized)]
    [TestCase("/api/nope", true, HttpStatusCode.NotFound)]
    [TestCase("/api/units/nope", true, HttpStatusCode.NotFound)]
    public async Task Errors_WhenTheClientAcceptsOnlyHtml_AreStillProblemDocuments(
        string url,
        bool withKey,
        HttpStatusCode status
    )
    {
        using var client = Factory.ClientWithKey(withKey ? ScorecardFactory.AdminKey : null);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        await ProblemAssert.IsProblemAsync(await client.GetAsync(url), status);
    }

    [TestCase("GET", "/odata/Dossiers", false, HttpStatusCode.Unauthorized)]
    [TestCase("GET", "/odata/Nope", true, HttpStatusCode.NotFound)]
    [TestCase("POST", "/odata/Dossiers", true, HttpStatusCode.MethodNotAllowed)]
    public async Task FeedErrors_OutsideTheFeeds_AreODataErrorDocuments(
        string method,
        string url,
        bool withKey,
        HttpStatusCode status
    )
    {
        using var client = Factory.ClientWithKey(withKey ? ScorecardFactory.AdminKey : null);
        client.DefaultRequestHeaders.Accept.ParseAdd("application/xml");

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        Assert.That(error.GetProperty("code").GetString(), Is.Not.Empty);
        Assert.That(error.GetProperty("message").GetString(), Is.Not.Empty);
        Assert.That(error.GetProperty("innererror").GetProperty("traceId").GetString(), Is.Not.Empty);
    }

    [TestCase("/odata/Dossiers?=&$top=1", "without a name")]
    [TestCase("/odata/Dossiers?$skiptoken=", "'$skiptoken' has no value")]
    [TestCase("/odata/Dossiers?$expand=$ref", "could not be parsed")]
    // A decimal literal meeting a Double is read as a Double; then the infinity is what is refused.
    [TestCase("/odata/IndicatorValues?$filter=-9223372036854775809 ge INF", "infinities")]
    [TestCase(
        "/odata/Procedures?$apply=aggregate(Name with average as A)",
        "sum and average take numbers, not String values"
    )]
    [TestCase("/odata/Units?$apply=aggregate('x' with average as A)", "sum and average take numbers")]
    public async Task FeedQuery_WhenTheOptionsCannotBeBound_Is400SayingWhy(string url, string mentions)
    {
        var message = await ODataFeed.ErrorAsync(Admin, url);

        Assert.That(message, Does.Contain(mentions));
    }

    [TestCase("Prefer", "odata.maxpagesize==5")]
    [TestCase("Prefer", ";;;,,,==")]
    [TestCase("OData-Version", "4")]
    [TestCase("OData-MaxVersion", "garbage")]
    public async Task FeedRequest_WithAMalformedODataHeader_Is400NamingIt(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Dossiers?$top=1");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await Admin.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(
            JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString(),
            Does.Contain(header)
        );
        Assert.That(body, Does.Not.Contain("   at "));
    }

    [Test]
    public async Task FeedRequest_WithAWellFormedPrefer_IsServed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/odata/Units");
        request.Headers.TryAddWithoutValidation("Prefer", "odata.maxpagesize=2, return=minimal");
        request.Headers.TryAddWithoutValidation("OData-MaxVersion", "4.01");

        using var response = await Admin.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.GetValues("Preference-Applied"), Is.EqualTo(new[] { "odata.maxpagesize=2" }));
    }

    /// <summary>The reader's failure on "[tr" read as the segments "[", "tr" and an empty one, as a request body may
    /// arrive.</summary>
    private static IndexOutOfRangeException ReaderFailureOnATruncatedLiteral()
    {
        var first = new Segment("["u8.ToArray(), 0);
        var last = first.Append("tr"u8.ToArray()).Append([]);
        try
        {
            var reader = new Utf8JsonReader(new ReadOnlySequence<byte>(first, 0, last, 0), isFinalBlock: true, default);
            while (reader.Read()) { }
        }
        catch (IndexOutOfRangeException ex)
        {
            return ex;
        }
        catch (JsonException ex)
        {
            Assert.Ignore("This runtime's JSON reader reports the truncated literal as JSON: " + ex.Message);
        }

        throw new AssertionException("The reader accepted \"[tr\".");
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] bytes) => (Segment)(Next = new Segment(bytes, RunningIndex + Memory.Length));
    }
}
