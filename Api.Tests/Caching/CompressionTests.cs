using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Caching;

/// <summary>
/// README "Caching and compression": JSON answers, problem documents and feeds are sent with brotli or gzip when the
/// client accepts them, over HTTPS too (the keys' answers aside); a compressed answer has its own ETag.
/// </summary>
public sealed class CompressionTests : ApiFixture
{
    protected override Task SeedAsync() => TestProvince.SeedAsync(Admin);

    [TestCase("/api/procedures", "gzip", "application/json")]
    [TestCase("/api/procedures", "br", "application/json")]
    [TestCase("/api/units/nope", "br", "application/problem+json")]
    [TestCase("/api/map?indicator=nope&period=2025", "gzip", "application/problem+json")]
    [TestCase("/odata/Units", "gzip", "application/json")]
    [TestCase("/odata/Dossiers?$filter=Nope eq 1", "br", "application/json")]
    [TestCase("/odata/$metadata", "br", "application/xml")]
    public async Task Answer_WhenTheClientAcceptsACoding_IsSentInItAndDecodesToThePlainAnswer(
        string url,
        string coding,
        string type
    )
    {
        using var plain = await Admin.GetAsync(new Uri(url, UriKind.Relative));
        using var compressed = await GetAsync(Admin, url, coding);

        var bytes = await compressed.Content.ReadAsByteArrayAsync();
        Assert.That(compressed.Content.Headers.ContentEncoding, Is.EqualTo(new[] { coding }));
        Assert.That(compressed.Content.Headers.ContentType?.MediaType, Is.EqualTo(type));
        Assert.That(compressed.StatusCode, Is.EqualTo(plain.StatusCode));
        Assert.That(compressed.Headers.Vary, Does.Contain("Accept-Encoding"));
        var body = WithoutTraceId(await plain.Content.ReadAsStringAsync());
        Assert.That(WithoutTraceId(Decode(bytes, coding)), Is.EqualTo(body), "the same answer, decoded");
        Assert.That(plain.Content.Headers.ContentEncoding, Is.Empty, "nothing is compressed unasked");
    }

    [Test]
    public async Task CompressedAnswer_Always_HasAnETagOfItsOwnThatRevalidates()
    {
        using var plain = await Admin.GetAsync(new Uri("/api/procedures", UriKind.Relative));
        using var gzip = await GetAsync(Admin, "/api/procedures", "gzip");
        using var brotli = await GetAsync(Admin, "/api/procedures", "br");

        using var again = await GetAsync(Admin, "/api/procedures", "gzip", gzip.Headers.ETag!.Tag);
        using var plainTagAsGzip = await GetAsync(Admin, "/api/procedures", "gzip", plain.Headers.ETag!.Tag);

        var tag = plain.Headers.ETag!.Tag;
        Assert.That(gzip.Headers.ETag!.Tag, Is.EqualTo(tag.TrimEnd('"') + "-gzip\""));
        Assert.That(brotli.Headers.ETag!.Tag, Is.EqualTo(tag.TrimEnd('"') + "-br\""));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(plainTagAsGzip.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another representation");
    }

    [Test]
    public async Task OverHttps_ReadsAreCompressedButNotTheKeys()
    {
        using var https = Factory.CreateClient(
            new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }
        );
        https.DefaultRequestHeaders.Add("X-Api-Key", ScorecardFactory.AdminKey);

        using var units = await GetAsync(https, "/api/units", "br");
        using var keys = await GetAsync(https, "/api/keys", "br");
        using var created = await https.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, "/api/keys")
            {
                Content = ProblemAssert.Json("""{"name":"portal","role":"analyst"}"""),
                Headers = { { "Accept-Encoding", "br" } },
            }
        );

        Assert.That(units.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }));
        Assert.That(keys.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(keys.Content.Headers.ContentEncoding, Is.Empty);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(created.Content.Headers.ContentEncoding, Is.Empty);
        Assert.That(await created.Content.ReadAsStringAsync(), Does.Contain("\"key\":\"sc_"));
    }

    private static async Task<HttpResponseMessage> GetAsync(
        HttpClient client,
        string url,
        string coding,
        string? ifNoneMatch = null
    )
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Encoding", coding);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>An error's trace id differs from request to request.</summary>
    private static string WithoutTraceId(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\"");

    private static string Decode(byte[] bytes, string coding)
    {
        using var input = new MemoryStream(bytes);
        using Stream decoder =
            coding == "br"
                ? new BrotliStream(input, CompressionMode.Decompress)
                : new GZipStream(input, CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
