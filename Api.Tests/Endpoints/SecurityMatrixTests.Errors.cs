using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>Open routes, security and caching headers, error bodies in Production, and keys at rest.</summary>
public sealed partial class SecurityMatrixTests
{
    [TestCase("/health/live", KeyKind.None)]
    [TestCase("/health/ready", KeyKind.Wrong)]
    [TestCase("/openapi/v1.json", KeyKind.None)]
    [TestCase("/openapi/v1.yaml", KeyKind.Revoked)]
    [TestCase("/swagger", KeyKind.None)]
    [TestCase("/swagger/index.html", KeyKind.Wrong)]
    public async Task OpenRoutes_WithoutAValidKey_Answer200(string url, KeyKind kind)
    {
        using var response = await clients[kind].GetAsync(new Uri(url, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        AssertSecurityHeaders(response, url);
    }

    [Test]
    public async Task ErrorBodies_InProduction_ShowNoStackTraceExceptionNameOrSql()
    {
        var admin = clients[KeyKind.Admin];
        var answers = new List<(string What, HttpStatusCode Expected, HttpResponseMessage Response)>
        {
            (
                "unreadable JSON",
                HttpStatusCode.BadRequest,
                await admin.PutAsync("/api/units", ProblemAssert.Json("""[{"code":"""))
            ),
            ("unbindable query value", HttpStatusCode.BadRequest, await admin.GetAsync("/api/calendar?from=abc")),
            (
                "invalid feed query",
                HttpStatusCode.BadRequest,
                await admin.GetAsync("/odata/Dossiers?$filter=Nope eq 1")
            ),
            ("no key", HttpStatusCode.Unauthorized, await clients[KeyKind.None].GetAsync("/api/units")),
            ("no key, feed", HttpStatusCode.Unauthorized, await clients[KeyKind.None].GetAsync("/odata/Dossiers")),
            (
                "wrong role",
                HttpStatusCode.Forbidden,
                await clients[KeyKind.Analyst].PutAsync("/api/units", ProblemAssert.Json("[]"))
            ),
            ("unknown unit", HttpStatusCode.NotFound, await admin.GetAsync("/api/units/nope")),
            ("unknown route", HttpStatusCode.NotFound, await admin.GetAsync("/nope")),
            (
                "unknown method",
                HttpStatusCode.MethodNotAllowed,
                await admin.PatchAsync("/api/units", ProblemAssert.Json("[]"))
            ),
            (
                "body over 10 MiB",
                HttpStatusCode.RequestEntityTooLarge,
                await admin.PutAsync("/api/units", new ByteArrayContent(new byte[(10 * 1024 * 1024) + 1]))
            ),
            (
                "not JSON",
                HttpStatusCode.UnsupportedMediaType,
                await admin.PutAsync("/api/units", new StringContent("[]"))
            ),
            ("over the allowance", HttpStatusCode.TooManyRequests, await OverTheAllowanceAsync()),
            (
                "unexpected failure",
                HttpStatusCode.InternalServerError,
                await FailingAsync(
                    new InvalidOperationException(
                        "SELECT key_hash FROM api_keys WHERE id = @id failed in "
                            + "Scorecard.Infrastructure.Keys.ApiKeyStore"
                    )
                )
            ),
            (
                "database failure",
                HttpStatusCode.ServiceUnavailable,
                await FailingAsync(new SqliteException("SQLite Error 1: 'no such table: api_keys'.", 1))
            ),
        };

        foreach (var (what, expected, response) in answers)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.That(response.StatusCode, Is.EqualTo(expected), $"{what}: {body}");
            Assert.That(ErrorMessage(response, body), Is.Not.Empty, what);
            Assert.That(Internals().Match(body).Value, Is.Empty, $"{what}: {body}");
            AssertSecurityHeaders(response, what);
            AssertNotStored(response, what);
            response.Dispose();
        }

        Assert.That(
            log.Errors,
            Has.Some.Contains("api_keys"),
            "the unexpected failure is logged in full, only the answer is bare"
        );
    }

    [Test]
    public async Task Keys_AtRest_AreStoredWithoutTheirPlaintext()
    {
        await using var connection = await factory.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM api_keys";
        await using var reader = await command.ExecuteReaderAsync();
        var cells = new List<string>();
        while (await reader.ReadAsync())
        {
            cells.AddRange(
                Enumerable
                    .Range(0, reader.FieldCount)
                    .Where(i => !reader.IsDBNull(i))
                    .Select(i => reader.GetValue(i).ToString()!)
            );
        }

        var secrets = plaintextKeys.Select(k => k.Split('_', 3)[2]).ToList();
        Assert.That(plaintextKeys, Has.Count.GreaterThanOrEqualTo(4));
        Assert.That(
            cells.Where(c => plaintextKeys.Any(c.Contains) || secrets.Any(c.Contains)),
            Is.Empty,
            "no key or secret in plaintext"
        );
    }

    /// <summary>Stack frames, exception and CLR type names, namespaces of the service, SQL (keywords in capitals, table
    /// and column names) and file paths.</summary>
    [GeneratedRegex(
        @"   at "
            + @"|\w+Exception\b|\bSystem\.|\bMicrosoft\.|Scorecard\.(Api|Infrastructure|Domain)|Nullable<"
            + @"|(?-i:\b(SELECT|INSERT|UPDATE|DELETE|FROM|WHERE|JOIN)\b)|sqlite|api_keys|key_hash|\.cs\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex Internals();

    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        Assert.That(
            response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) ? sniff : [],
            Is.EqualTo(new[] { "nosniff" }),
            what
        );
        Assert.That(
            response.Headers.TryGetValues("X-Frame-Options", out var frame) ? frame : [],
            Is.EqualTo(new[] { "DENY" }),
            what
        );
        Assert.That(
            response.Headers.TryGetValues("Referrer-Policy", out var referrer) ? referrer : [],
            Is.EqualTo(new[] { "no-referrer" }),
            what
        );
    }

    /// <summary>
    /// A successful read any key may make is the caller's to keep and revalidate (public for a visitor without a key),
    /// with an ETag; keys, writes, errors and feeds are kept by no cache (README "Caching and compression").
    /// </summary>
    private static void AssertCaching(HttpResponseMessage response, string route, MatrixRoute cell, KeyKind kind)
    {
        var read =
            route.StartsWith("GET /api/", StringComparison.Ordinal)
            && cell.Access == Access.Read
            && response.StatusCode == HttpStatusCode.OK;
        if (!read)
        {
            AssertNotStored(response, $"{route} with {kind}");
            Assert.That(response.Headers.ETag, Is.Null, $"{route} with {kind}");
            return;
        }

        var cache = response.Headers.CacheControl;
        Assert.That(response.Headers.ETag, Is.Not.Null, $"{route} with {kind}");
        Assert.That(cache?.NoStore, Is.False, $"{route} with {kind}: {cache}");
        Assert.That(cache?.MustRevalidate, Is.True, $"{route} with {kind}: {cache}");
        Assert.That(
            kind == KeyKind.PublicVisitor ? cache?.Public : cache?.Private,
            Is.True,
            $"{route} with {kind}: {cache}"
        );
    }

    /// <summary>Answers that carry data, or an error about it, are kept by no cache (health probes and docs
    /// aside).</summary>
    private static void AssertNotStored(HttpResponseMessage response, string what) =>
        Assert.That(
            response.Headers.CacheControl?.NoStore,
            Is.True,
            $"{what}: Cache-Control {response.Headers.CacheControl}"
        );

    /// <summary>The message of an error body: a problem document on the JSON routes, an OData error document under
    /// /odata.</summary>
    private static string ErrorMessage(HttpResponseMessage response, string body)
    {
        var json = JsonDocument.Parse(body).RootElement;
        if (response.RequestMessage!.RequestUri!.AbsolutePath.StartsWith("/odata", StringComparison.Ordinal))
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"), body);
            return json.GetProperty("error").GetProperty("message").GetString()!;
        }

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        Assert.That(json.GetProperty("status").GetInt32(), Is.EqualTo((int)response.StatusCode), body);
        return json.TryGetProperty("detail", out var detail)
            ? detail.GetString()!
            : json.GetProperty("title").GetString()!;
    }

    /// <summary>A fresh key spends its burst (300) on a cheap route; the answer that refuses it.</summary>
    private async Task<HttpResponseMessage> OverTheAllowanceAsync()
    {
        using var hurried = factory.ClientWithKey(await CreateKeyAsync(clients[KeyKind.Admin], "analyst", null));
        for (var i = 0; i < 1_000; i++)
        {
            var response = await hurried.GetAsync("/api/procedures/1.000002");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.That(response.Headers.RetryAfter, Is.Not.Null);
                return response;
            }

            response.Dispose();
        }

        Assert.Fail("no 429 within 1,000 requests");
        return null!;
    }

    /// <summary>A route answered while the clock throws <paramref name="failure"/>, whose message holds SQL and type
    /// names.</summary>
    private async Task<HttpResponseMessage> FailingAsync(Exception failure)
    {
        clock.Failure = failure;
        try
        {
            return await clients[KeyKind.Admin].GetAsync("/api/dossiers/A-1");
        }
        finally
        {
            clock.Failure = null;
        }
    }
}
