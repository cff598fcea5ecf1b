using System.Globalization;
using System.Text;
using Microsoft.OData.Edm;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>
/// Generates a reproducible stream of hostile requests from a seed: the same seed always gives the
/// same requests, in the same order. Every JSON route and every feed is covered; most requests use
/// an admin key so that they reach the handlers rather than stop at authentication.
/// </summary>
internal sealed class FuzzGenerator
{
    /// <summary>The largest body any route accepts: 10 MiB.</summary>
    public const int MaxBody = 10 * 1024 * 1024;

    /// <summary>The server's request line limit (method, target and version): 8 KiB.</summary>
    public const int MaxRequestLine = 8 * 1024;

    /// <summary>One body just over the limit, shared by the requests that send it.</summary>
    private static readonly byte[] OverLimitBody = CreateOverLimitBody();

    private readonly Random random;
    private readonly FuzzApi api;
    private readonly FuzzOData odata;
    private int number;

    public FuzzGenerator(int seed, IReadOnlyList<FuzzRoute> routes, IReadOnlyList<IEdmEntitySet> feeds)
    {
        random = new Random(seed);
        api = new FuzzApi(random, routes);
        odata = new FuzzOData(random, feeds);
    }

    public IEnumerable<FuzzRequest> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    /// <summary>"GET /target HTTP/1.1" with its line end.</summary>
    public static int RequestLineLength(FuzzRequest request) =>
        request.Method.Length + 1 + Encoding.UTF8.GetByteCount(request.Target) + 1 + 8 + 2;

    public static string Describe(IEnumerable<FuzzRequest> requests) =>
        string.Join("\n", requests.Select((r, i) => i.ToString(CultureInfo.InvariantCulture) + " " + r.Describe()));

    private FuzzRequest Next()
    {
        number++;
        if (number % 2_500 == 1_250)
        {
            return HugeBody();
        }

        var request = random.Next(100) switch
        {
            < 24 => api.Query(Key()),
            < 48 => api.Body(Key(), number),
            < 72 => odata.Next(Key()),
            < 79 => api.ContentType(Key(), number),
            < 84 => api.WrongMethod(Key()),
            < 91 => api.OddPath(Key()),
            _ => FuzzHeaders.Abuse(random, random.Next(3) == 0 ? "/odata/Dossiers" : api.ValidRead()),
        };
        request =
            random.Next(12) == 0 && request.ServerRefusal is null ? FuzzHeaders.WithNoise(random, request) : request;
        request = request.Body?.Length > MaxBody ? request with { ExpectedStatus = 413 } : request;
        // Far past the request line limit the server answers before the client has written the
        // line and resets the connection under it: keep refused targets within a few times the limit.
        request =
            request.Target.Length > 4 * MaxRequestLine
                ? request with
                {
                    Target = request.Target[..(4 * MaxRequestLine)],
                }
                : request;
        // The line limit is the application's (a 414 with an error body), so Kestrel's own refusals of a header
        // (an invalid Host, a header past its size limit) come first.
        request =
            RequestLineLength(request) > MaxRequestLine && request.ServerRefusal is null
                ? request with
                {
                    ServerRefusal = 414,
                }
                : request;
        // A request refused before it is read has its connection closed: a large body would still be
        // on its way and the client would see the reset, not the answer.
        return request.ServerRefusal is not null && request.Body?.Length > 65_536
            ? request with
            {
                Body = null,
            }
            : request;
    }

    private FuzzKey Key() =>
        random.Next(20) switch
        {
            < 13 => FuzzKey.Admin,
            < 15 => FuzzKey.Analyst,
            < 17 => FuzzKey.ScopedIntegrator,
            17 => FuzzKey.Revoked,
            18 => FuzzKey.Wrong,
            _ => FuzzKey.None,
        };

    /// <summary>A body one byte over the limit: declared (refused before it is read) or chunked (cut off while read).
    /// Both 413.</summary>
    private FuzzRequest HugeBody()
    {
        var (method, target) = api.ValidWrite();
        return new FuzzRequest("huge-body", method, target, FuzzKey.Admin)
        {
            Body = OverLimitBody,
            ContentType = "application/json",
            Chunked = number % 5_000 == 1_250,
            ExpectedStatus = 413,
        };
    }

    private static byte[] CreateOverLimitBody()
    {
        var body = new byte[MaxBody + 1];
        body.AsSpan().Fill((byte)' ');
        body[0] = (byte)'[';
        "\"x\"]"u8.CopyTo(body.AsSpan(body.Length - 4));
        return body;
    }
}
