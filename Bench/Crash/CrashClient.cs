using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Bench.Crash;

/// <summary>
/// One integrator posting batches until the API dies under it. A batch counts as acknowledged only
/// when a 200 answer was read whole; a request that fails or gets no answer is unacknowledged.
/// </summary>
internal static class CrashClient
{
    private static readonly Uri Route = new("/api/dossier-events", UriKind.Relative);

    public static async Task RunAsync(HttpClient http, CrashTraffic traffic, Func<bool> apiKilled)
    {
        while (true)
        {
            if (traffic.Next() is not { } request)
            {
                if (apiKilled())
                {
                    return;
                }

                await Task.Delay(20).ConfigureAwait(false);
                continue;
            }

            using var content = new ByteArrayContent(
                JsonSerializer.SerializeToUtf8Bytes(new { events = request.Events.Select(DossierEventWire.ToJson) })
            );
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            try
            {
                using var response = await http.PostAsync(Route, content).ConfigureAwait(false);
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    traffic.Acknowledge(request, CrashAnswer.Parse(body));
                }
                else
                {
                    traffic.Fail(
                        request,
                        apiKilled(),
                        $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}"
                    );
                }
            }
            catch (Exception ex)
                when (ex is HttpRequestException or IOException or TaskCanceledException or JsonException)
            {
                traffic.Fail(request, apiKilled(), ex.Message);
                return;
            }
        }
    }
}
