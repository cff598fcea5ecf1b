using System.Net.Http.Json;
using System.Text.Json;

namespace Scorecard.Api.Tests.Support;

/// <summary>Reads a <c>/api/rankings</c> answer as its items' rank, code and value, in the order answered.</summary>
internal static class RankingItems
{
    public static async Task<List<(int Rank, string? Code, decimal Value)>> ReadAsync(HttpClient client, string url)
    {
        var ranking = await client.GetFromJsonAsync<JsonElement>(url);
        return
        [
            .. ranking
                .GetProperty("items")
                .EnumerateArray()
                .Select(i =>
                    (
                        i.GetProperty("rank").GetInt32(),
                        i.GetProperty("code").GetString(),
                        i.GetProperty("value").GetDecimal()
                    )
                ),
        ];
    }
}
