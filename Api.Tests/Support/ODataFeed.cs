using System.Net;
using System.Text.Json;

namespace Scorecard.Api.Tests.Support;

/// <summary>Reads OData feeds the way a client does: one page, or every page by following @odata.nextLink.</summary>
internal static class ODataFeed
{
    public static async Task<JsonElement> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every row of a feed, following next links (at most <paramref name="maxPages"/>), with the number of
    /// pages read.</summary>
    public static async Task<(List<JsonElement> Rows, int Pages)> AllAsync(
        HttpClient client,
        string url,
        int maxPages = 1000
    )
    {
        var rows = new List<JsonElement>();
        var pages = 0;
        string? next = url;
        while (next is not null && pages < maxPages)
        {
            var page = await GetAsync(client, next);
            pages++;
            rows.AddRange(page.GetProperty("value").EnumerateArray());
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        Assert.That(next, Is.Null, "the feed ended within the page limit");
        return (rows, pages);
    }

    public static List<string> Codes(IEnumerable<JsonElement> rows, string property = "Code") =>
        [.. rows.Select(r => r.GetProperty(property).GetString()!)];

    /// <summary>Asserts a 400 OData error document (no stack trace) and returns its message.</summary>
    public static async Task<string> ErrorAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(
            body,
            Does.Not.Contain("   at ").And.Not.Contain("stacktrace").And.Not.Contain("SELECT"),
            "no stack trace or SQL in an error"
        );
        return JsonDocument.Parse(body).RootElement.GetProperty("error").GetProperty("message").GetString()!;
    }
}
