using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>
/// Sends fuzzed requests to a running server, several at a time, each with its own deadline, and
/// checks every answer with <see cref="FuzzCheck"/>.
/// </summary>
internal sealed class FuzzRunner(Uri server, IReadOnlyDictionary<FuzzKey, string?> keys, TimeSpan deadline)
    : IDisposable
{
    private readonly HttpClient client = new(
        new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = 64,
            Expect100ContinueTimeout = TimeSpan.FromSeconds(5),
            // Header values go out as UTF-8 bytes, as a careless client would send them.
            RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8,
            // Answers are read as a browser reads them: decoded from the brotli or gzip the service may send.
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        }
    )
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Sends the requests as they are generated (so a long run holds only those in flight), <paramref
    /// name="parallelism"/> at a time.</summary>
    public async Task<FuzzReport> RunAsync(IEnumerable<FuzzRequest> requests, int parallelism)
    {
        var report = new FuzzReport();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (request, _) => report.Record(request, await SendAsync(request))
        );
        report.Elapsed = clock.Elapsed;
        return report;
    }

    private async Task<FuzzAnswer> SendAsync(FuzzRequest fuzz)
    {
        using var deadlineSource = new CancellationTokenSource(deadline);
        using var request = Build(fuzz);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(
                request,
                HttpCompletionOption.ResponseContentRead,
                deadlineSource.Token
            );
            var body = await response.Content.ReadAsByteArrayAsync(deadlineSource.Token);
            return new FuzzAnswer(
                (int)response.StatusCode,
                response.Content.Headers.ContentType?.ToString(),
                body,
                [.. response.Headers.Concat(response.Content.Headers).Select(h => h.Key)],
                Stopwatch.GetElapsedTime(started),
                null
            );
        }
        catch (OperationCanceledException) when (deadlineSource.IsCancellationRequested)
        {
            return new FuzzAnswer(
                0,
                null,
                [],
                [],
                Stopwatch.GetElapsedTime(started),
                $"no answer within {deadline.TotalSeconds:0} s"
            );
        }
        catch (HttpRequestException ex)
        {
            return new FuzzAnswer(
                0,
                null,
                [],
                [],
                Stopwatch.GetElapsedTime(started),
                "transport: " + ex.Message + " " + ex.InnerException?.Message
            );
        }
    }

    private HttpRequestMessage Build(FuzzRequest fuzz)
    {
        var uri = new Uri(
            server.GetLeftPart(UriPartial.Authority) + fuzz.Target,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }
        );
        var request = new HttpRequestMessage(new HttpMethod(fuzz.Method), uri);
        if (keys[fuzz.Key] is { } key)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }

        if (fuzz.Body is not null)
        {
            request.Content = fuzz.Chunked
                ? new StreamContent(new MemoryStream(fuzz.Body, writable: false))
                : new ByteArrayContent(fuzz.Body);
            if (fuzz.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.ContentType);
            }

            // Like curl, wait for the server's go-ahead before sending a body it may refuse unread.
            request.Headers.ExpectContinue = fuzz.Body.Length > FuzzGenerator.MaxBody && !fuzz.Chunked;
        }

        foreach (var (name, value) in fuzz.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public void Dispose() => client.Dispose();
}

/// <summary>What came back: status (0 when nothing did), content type, body, header names, time taken, and the
/// transport failure if any.</summary>
internal sealed record FuzzAnswer(
    int Status,
    string? ContentType,
    byte[] Body,
    IReadOnlyList<string> HeaderNames,
    TimeSpan Elapsed,
    string? Failure
);

/// <summary>Counts by status and category, the slowest answer, and every failed check with the request that caused
/// it.</summary>
internal sealed class FuzzReport
{
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private readonly ConcurrentDictionary<string, int> categories = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> failures = new();
    private readonly ConcurrentDictionary<string, int> failureKinds = new(StringComparer.Ordinal);
    private long slowestTicks;

    public TimeSpan Elapsed { get; set; }

    public int Total => statuses.Values.Sum();

    public IReadOnlyDictionary<int, int> Statuses => statuses;

    public IReadOnlyCollection<string> Failures => failures;

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref slowestTicks));

    public void Record(FuzzRequest request, FuzzAnswer answer)
    {
        statuses.AddOrUpdate(answer.Status, 1, (_, n) => n + 1);
        categories.AddOrUpdate(request.Category, 1, (_, n) => n + 1);
        var ticks = answer.Elapsed.Ticks;
        for (var seen = Interlocked.Read(ref slowestTicks); ticks > seen; seen = Interlocked.Read(ref slowestTicks))
        {
            if (Interlocked.CompareExchange(ref slowestTicks, ticks, seen) == seen)
            {
                break;
            }
        }

        if (FuzzCheck.Verify(request, answer) is { } failure)
        {
            failureKinds.AddOrUpdate($"{failure} [{request.Category}]", 1, (_, n) => n + 1);
            failures.Enqueue(
                $"{failure}\n    request: {request.Describe()}\n    answer: {answer.Status} "
                    + $"{answer.ContentType} {FuzzCheck.Preview(answer.Body)}"
            );
        }
    }

    /// <summary>Failed checks grouped by what failed and the kind of request, most frequent first.</summary>
    public string FailureKinds() =>
        string.Join("\n", failureKinds.OrderByDescending(k => k.Value).Select(k => $"  {k.Value, 6:N0} × {k.Key}"));

    public string Summary() =>
        $"{Total:N0} requests in {Elapsed.TotalSeconds:0.0} s (slowest {Slowest.TotalMilliseconds:N0} ms), "
        + $"{failures.Count} failed checks\n"
        + "  by status: "
        + ""
        + string.Join(
            ", ",
            statuses.OrderBy(s => s.Key).Select(s => $"{(s.Key == 0 ? "reset" : s.Key)} × " + $"{s.Value:N0}")
        )
        + "\n"
        + "  by kind:   "
        + ""
        + string.Join(
            ", ",
            categories.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} × {c.Value:N0}")
        );
}
