using System.Text.Json;

namespace Scorecard.Bench.OData;

/// <summary>Reads a feed page the cheap way a loader does: counts the rows and finds the next link, without building
/// objects.</summary>
internal static class FeedClient
{
    public static async Task<(int Rows, string? NextLink)> ReadPageAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute)).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return Scan(body);
    }

    private static (int Rows, string? NextLink) Scan(byte[] body)
    {
        var reader = new Utf8JsonReader(body);
        var rows = 0;
        string? next = null;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                rows++;
                reader.Skip();
            }
            else if (
                reader.TokenType == JsonTokenType.PropertyName
                && reader.CurrentDepth == 1
                && reader.ValueTextEquals("@odata.nextLink")
            )
            {
                reader.Read();
                next = reader.GetString();
            }
        }

        return (rows, next);
    }
}
