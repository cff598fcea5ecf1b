using System.Net.Http.Headers;

namespace Scorecard.Bench.Support;

/// <summary>JSON batches posted to one route of the API by concurrent clients (<see cref="Clients"/>): a failed
/// request ends the run with its status and the start of its body; each answered body goes to the caller's
/// check.</summary>
internal static class BatchPosting
{
    /// <param name="check">Reads the body of batch <c>i</c>'s answer (a success): throws to end the run, or counts.</param>
    public static Task PostAsync(
        HttpClient http,
        IReadOnlyList<byte[]> batches,
        string route,
        int clients,
        Action<int, string>? check = null
    ) => Clients.EachAsync(clients, batches.Count, async i =>
        {
            using var content = new ByteArrayContent(batches[i]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync(new Uri(route, UriKind.Relative), content).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException(
                    $"Batch {i}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 500)]}"
                );
            }

            check?.Invoke(i, body);
        });
}
