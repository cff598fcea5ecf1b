using System.Net;
using System.Text.Json;

namespace Scorecard.Api.Tests.Support;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> and returns its JSON.</summary>
    public static async Task<JsonElement> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.That(json.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        Assert.That(body, Does.Not.Contain("   at "), "no stack trace in a problem document");
        return json;
    }

    public static HttpContent Json(string json) =>
        new StringContent(json, System.Text.Encoding.UTF8, "application/json");
}
