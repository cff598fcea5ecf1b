using System.Text;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>
/// Requests to the JSON routes: hostile route and query values, mutated bodies, wrong content
/// types and methods, odd paths (traversal, encoded NUL, overlong and invalid UTF-8, long codes).
/// </summary>
internal sealed class FuzzApi(Random random, IReadOnlyList<FuzzRoute> routes)
{
    /// <summary>Values a route or query parameter of that name takes when it is valid.</summary>
    private static readonly Dictionary<string, string[]> Samples = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = ["P.A.1", "P.B", "1.000001", "on-time", "D1", "G001", "fuzz-reported"],
        ["unitCode"] = ["P", "P.A", "P.A.1", "P.B.1"],
        ["parentCode"] = ["P", "P.A", "P.B"],
        ["period"] =
        [
            "2025",
            "2025-H1",
            "2025-Q1",
            "2025-03",
            "2025-W10",
            "2025-03-03",
            "2025-03-01..2025-03-31",
            "2025S1",
        ],
        ["indicator"] = ["on-time", "online-submission", "score", "digitisation", "fuzz-reported"],
        ["level"] = ["province", "district", "commune"],
        ["scope"] = ["subtree", "self"],
        ["rule"] = ["finished", "national"],
        ["from"] = ["2025-01-01", "2025-03-01"],
        ["to"] = ["2025-03-31", "2025-12-31"],
        ["interval"] = ["day", "week", "month"],
        ["date"] = ["2025-01-01", "2031-05-02"],
        ["id"] = ["abcdefghijkl"],
        ["source"] = ["bootstrap", "abcdefghijkl", "demo-seed", "a/b", "", "bootstrap/FZ-1"],
    };

    private static readonly string[] ContentTypes =
    [
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/json; charset=latin1",
        "application/json; charset=utf-16",
        "application/json; charset=nope",
        "application/problem+json",
        "application/merge-patch+json",
        "application/jsonx",
        "json",
        "???",
        "application/json;;;",
        "application/json; boundary=\"",
        "*/*",
        "application/*",
        "",
        "application/" + new string('j', 5000),
    ];

    private readonly List<FuzzRoute> reads = [.. routes.Where(r => r.Method == "GET")];
    private readonly List<FuzzRoute> writes = [.. routes.Where(r => r.HasBody)];

    public FuzzRequest Query(FuzzKey key)
    {
        var route = random.Pick(reads);
        return new FuzzRequest("api-query", "GET", Path(route, valid: false) + QueryString(route), key);
    }

    public FuzzRequest Body(FuzzKey key, int number)
    {
        var route = random.Pick(writes);
        return new FuzzRequest(
            "api-body",
            route.Method,
            Path(route, valid: random.Next(4) > 0) + QueryString(route),
            key
        )
        {
            Body = FuzzJson.Body(random, route.Key, number),
            ContentType = random.Next(10) == 0 ? "application/json; charset=utf-8" : "application/json",
        };
    }

    public FuzzRequest ContentType(FuzzKey key, int number)
    {
        var route = random.Pick(writes);
        var body = random.Next(4) switch
        {
            0 => [],
            1 => "   "u8.ToArray(),
            2 => Encoding.UTF8.GetBytes("code=P&name=x"),
            _ => FuzzJson.Body(random, route.Key, number),
        };
        var noBody = random.Next(5) == 0;
        return new FuzzRequest("content-type", route.Method, Path(route, valid: true), key)
        {
            Body = noBody ? null : body,
            ContentType = noBody || random.Next(4) == 0 ? null : random.Pick(ContentTypes),
            Chunked = !noBody && random.Next(4) == 0,
        };
    }

    public FuzzRequest WrongMethod(FuzzKey key)
    {
        var route = random.Pick(routes);
        var method = random.Pick([
            "GET",
            "PUT",
            "POST",
            "DELETE",
            "PATCH",
            "OPTIONS",
            "TRACE",
            "HEAD",
            "PROPFIND",
            "FOO",
            "M-SEARCH",
        ]);
        var bodyless = method is "GET" or "HEAD" or "TRACE";
        return new FuzzRequest("method", method, Path(route, valid: true), key)
        {
            Body = bodyless ? null : "[]"u8.ToArray(),
            ContentType = bodyless ? null : "application/json",
        };
    }

    public FuzzRequest OddPath(FuzzKey key)
    {
        if (random.Next(10) == 0)
        {
            return new FuzzRequest(
                "path",
                "GET",
                random.Pick(["/api/units/", "/api/dossiers/", "/odata/"]) + random.Pick(FuzzText.RefusedSegments),
                key
            )
            {
                ServerRefusal = 400,
            };
        }

        var segment = FuzzText.UrlValue(random, inPath: true);
        var target = random.Next(8) switch
        {
            0 => "/api/" + segment,
            1 => "/" + segment + "/api/units",
            2 => "/api/units/" + segment + "/" + segment,
            3 => random.Pick([
                "//api//units",
                "/api/units/",
                "/api/./units",
                "/api/../api/units",
                "/API/UNITS",
                "/api/units/.",
                "/api/units/..",
                "/odata/../api/keys",
                "/health/../api/keys",
                "/swagger/../api/keys",
                "/openapi/v1.json/../../api/keys",
                "/%61pi/units",
                "/api%2funits",
                "/api/units%2f..%2f..%2fkeys",
                "/api/units?",
                "/api/units;x",
                "/health/live/x",
                "/openapi/v2.json",
                "/openapi/v1.xml",
            ]),
            _ => SegmentInto(segment),
        };
        return new FuzzRequest("path", "GET", target, key);
    }

    /// <summary>A valid GET of some route, for requests whose headers are the point.</summary>
    public string ValidRead()
    {
        var route = random.Pick(reads);
        return Path(route, valid: true) + QueryString(route);
    }

    /// <summary>A route that takes a body, with valid route values.</summary>
    public (string Method, string Target) ValidWrite()
    {
        var route = random.Pick(writes);
        return (route.Method, Path(route, valid: true));
    }

    private string Path(FuzzRoute route, bool valid)
    {
        var path = route.Pattern;
        foreach (var parameter in route.RouteParameters)
        {
            var value =
                valid || random.Next(3) > 0
                    ? random.Pick(Samples.GetValueOrDefault(parameter, ["x"]))
                    : FuzzText.UrlValue(random, inPath: true);
            path = path.Replace("{" + parameter + "}", value, StringComparison.Ordinal);
        }

        return path;
    }

    private string QueryString(FuzzRoute route)
    {
        var pairs = new List<string>();
        foreach (var name in route.QueryParameters)
        {
            var roll = random.Next(10);
            if (roll == 0)
            {
                continue;
            }

            pairs.Add(
                name
                    + "="
                    + (
                        roll < 7
                            ? random.Pick(Samples.GetValueOrDefault(name, ["x"]))
                            : FuzzText.UrlValue(random, inPath: false)
                    )
            );
            if (random.Next(15) == 0)
            {
                pairs.Add($"{name}={FuzzText.UrlValue(random, inPath: false)}");
            }
        }

        if (random.Next(8) == 0)
        {
            pairs.Add(
                random.Pick([
                    "x=1",
                    "=",
                    "&",
                    "%=%",
                    "a[]=1",
                    "__proto__=1",
                    "period",
                    "unitCode=",
                    "%ZZ=1",
                    "x=" + new string('a', 5_000),
                ])
            );
        }

        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs);
    }

    /// <summary>A GET route with the segment, or a long code (10 KB or 1 KB), in each of its route
    /// parameters.</summary>
    private string SegmentInto(string segment)
    {
        var route = random.Pick(reads.Where(r => r.RouteParameters.Count > 0).ToList());
        var path = route.Pattern;
        foreach (var parameter in route.RouteParameters)
        {
            var value =
                random.Next(3) == 0
                    ? Uri.EscapeDataString(FuzzText.Long(random, random.Pick([10_240, 1_000])))
                    : segment;
            path = path.Replace("{" + parameter + "}", value, StringComparison.Ordinal);
        }

        return path + QueryString(route);
    }
}
