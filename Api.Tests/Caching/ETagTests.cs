using System.Net;
using System.Net.Http.Headers;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Caching;

/// <summary>
/// README "Caching and compression": every read of the JSON API carries a strong ETag of its body; If-None-Match
/// with it is a 304 until the answer changes; keyed reads are private and revalidated, keys and writes no-store.
/// </summary>
public sealed class ETagTests : ApiFixture
{
    protected override Task SeedAsync() => TestProvince.SeedAsync(Admin);

    [TestCase("/api/units")]
    [TestCase("/api/units/P.A")]
    [TestCase("/api/procedures?level=commune")]
    [TestCase("/api/indicators/on-time")]
    [TestCase("/api/map?indicator=on-time&period=2025&level=district")]
    public async Task Read_WithItsOwnETag_Is304WithoutABody(string url)
    {
        using var first = await Admin.GetAsync(new Uri(url, UriKind.Relative));
        var tag = first.Headers.ETag!;

        using var again = await SendAsync(Admin, url, tag.Tag);

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(tag.IsWeak, Is.False, "a strong validator");
        Assert.That(tag.Tag, Does.Match("^\"[A-Za-z0-9_-]{22}\"$"));
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(await again.Content.ReadAsByteArrayAsync(), Is.Empty);
        Assert.That(again.Headers.ETag, Is.EqualTo(tag));
        Assert.That(
            again.Headers.NonValidated["Cache-Control"].ToString(),
            Is.EqualTo("private, max-age=0, must-revalidate")
        );
    }

    [Test]
    public async Task Read_Always_IsPrivateRevalidatedAndVariesByKey()
    {
        using var response = await Admin.GetAsync(new Uri("/api/units", UriKind.Relative));

        var cache = response.Headers.CacheControl!;
        Assert.That(cache.Private, Is.True);
        Assert.That(cache.MaxAge, Is.EqualTo(TimeSpan.Zero));
        Assert.That(cache.MustRevalidate, Is.True);
        Assert.That(cache.NoStore, Is.False);
        Assert.That(response.Headers.Vary, Is.SupersetOf(new[] { "Accept-Encoding", "X-Api-Key", "Authorization" }));
    }

    [Test]
    public async Task Read_AfterTheDataChanged_Is200WithAnotherETag()
    {
        using var before = await Admin.GetAsync(new Uri("/api/units?parentCode=P.B", UriKind.Relative));
        using var put = await Admin.PutAsync(
            "/api/units",
            ProblemAssert.Json(
                """[{"code":"P.B.2","name":"Xã B2","level":"commune","kind":"locality","parentCode":"P.B"}]"""
            )
        );
        put.EnsureSuccessStatusCode();

        using var after = await SendAsync(Admin, "/api/units?parentCode=P.B", before.Headers.ETag!.Tag);

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(after.Headers.ETag, Is.Not.EqualTo(before.Headers.ETag));
        Assert.That(await after.Content.ReadAsStringAsync(), Does.Contain("P.B.2"));
    }

    [Test]
    public async Task Read_ForAKeyThatSeesLess_HasAnotherETag()
    {
        using var created = await Admin.PostAsync(
            "/api/keys",
            ProblemAssert.Json("""{"name":"district","role":"analyst","unitCode":"P.A"}""")
        );
        var key = System
            .Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync())
            .RootElement.GetProperty("key")
            .GetString();
        using var scoped = Factory.ClientWithKey(key);
        using var all = await Admin.GetAsync(new Uri("/api/units", UriKind.Relative));

        using var mine = await SendAsync(scoped, "/api/units", all.Headers.ETag!.Tag);

        Assert.That(mine.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the province-wide answer is not this key's");
        Assert.That(mine.Headers.ETag, Is.Not.EqualTo(all.Headers.ETag));
    }

    [TestCase("W/{0}", HttpStatusCode.NotModified)]
    [TestCase("\"other\", {0}", HttpStatusCode.NotModified)]
    [TestCase("*", HttpStatusCode.NotModified)]
    [TestCase("\"other\"", HttpStatusCode.OK)]
    [TestCase("{0}x", HttpStatusCode.OK)]
    public async Task Read_WithIfNoneMatch_ComparesTheListedTagsWeakly(string header, HttpStatusCode status)
    {
        using var first = await Admin.GetAsync(new Uri("/api/indicators", UriKind.Relative));

        using var again = await SendAsync(
            Admin,
            "/api/indicators",
            header.Replace("{0}", first.Headers.ETag!.Tag, StringComparison.Ordinal)
        );

        Assert.That(again.StatusCode, Is.EqualTo(status));
    }

    [TestCase("/api/keys")]
    public async Task KeyList_Always_IsNoStoreWithoutETag(string url)
    {
        using var response = await Admin.GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(response.Headers.ETag, Is.Null);
    }

    [Test]
    public async Task WriteAndError_Always_AreNoStoreWithoutETag()
    {
        using var write = await Admin.PutAsync("/api/calendar", ProblemAssert.Json("[]"));
        using var missing = await Admin.GetAsync(new Uri("/api/units/nope", UriKind.Relative));
        using var bad = await Admin.GetAsync(new Uri("/api/map?indicator=nope&period=2025", UriKind.Relative));

        foreach (var response in new[] { write, missing, bad })
        {
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"{response.StatusCode}");
            Assert.That(response.Headers.ETag, Is.Null, $"{response.StatusCode}");
        }
    }

    [Test]
    public async Task Feed_Always_IsNoStoreWithoutETag()
    {
        using var response = await Admin.GetAsync(new Uri("/odata/Units", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
        Assert.That(response.Headers.ETag, Is.Null);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string url, string ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await client.SendAsync(request);
    }
}
