using System.Globalization;
using System.Text;
using Microsoft.OData.Edm;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>
/// Feed requests: well-formed and broken <c>$filter</c> expressions over the EDM's own properties,
/// random token soup, out-of-range paging options, forged skip tokens, over-long sort lists and
/// URLs, unsupported options and path segments, odd Prefer and Accept headers.
/// </summary>
internal sealed class FuzzOData(Random random, IReadOnlyList<IEdmEntitySet> sets)
{
    /// <summary>$apply forms that once reached the database unchecked or broke the answer.</summary>
    private static readonly string[] HostileApply =
    [
        "aggregate($count as from)",
        "aggregate($count as select)",
        "aggregate($count as N,$count as N)",
        "groupby((Status),aggregate($count as Status))",
        "aggregate(Unit/ValidFrom with max as M)",
        "aggregate(Code with sum as S)",
        "aggregate(1e308 mul 10 with sum as S)",
        "aggregate((SupplementCount add 9223372036854775807) mul 2 with sum as S)",
        "filter(SupplementCount eq NaN)/aggregate($count as N)",
        "filter(SupplementCount lt INF)/aggregate($count as N)",
        "aggregate($count as \"x\")",
        "aggregate($count as [x])",
        "aggregate(SupplementCount add 9223372036854775807 with sum as S)",
        "aggregate(date(ReceivedAt) with max as D,year(ReceivedAt) with min as Y,length(Code) with max as L)",
        "filter(Code in ('a','b','c'))/aggregate($count as N)",
    ];

    /// <summary>$filter forms that once passed the expression limits: a sum of 261 nodes on the left of 'in'.</summary>
    private static readonly string[] HostileFilter =
    [
        "(SupplementCount" + string.Concat(Enumerable.Repeat(" add 1", 130)) + ") in (1,2)",
        "(AmountPaid" + string.Concat(Enumerable.Repeat(" mul 2", 130)) + ") in (1)",
    ];

    private static readonly string[] Counts =
    [
        "-1",
        "0",
        "1",
        "5",
        "1000000",
        "1000001",
        "99999999999",
        "2147483647",
        "2147483648",
        "abc",
        "",
        "1.5",
        "1e3",
        " 1",
        "+1",
        "0x10",
        "١",
    ];

    public FuzzRequest Next(FuzzKey key)
    {
        if (random.Next(25) == 0)
        {
            return Hostile(key);
        }

        var set = random.Pick(sets);
        var path = random.Next(20) switch
        {
            0 => "/odata",
            1 => "/odata/$metadata",
            2 => $"/odata/{set.Name}('{random.Pick(["x", "P.A", "D1"])}')",
            3 => "/odata/"
                + random.Pick([
                    "$batch",
                    "$count",
                    "$entity",
                    "Nope",
                    set.Name.ToLowerInvariant(),
                    set.Name + "/$value",
                    set.Name + "/$ref",
                    set.Name + "/$count/$value",
                    set.Name + "/Code",
                    set.Name + "/" + FuzzText.UrlValue(random, inPath: true),
                    "$metadata#" + set.Name,
                ]),
            < 8 => $"/odata/{set.Name}/$count",
            _ => $"/odata/{set.Name}",
        };
        var options = new List<string>();
        var optionCount = random.Next(6);
        for (var i = 0; i < optionCount; i++)
        {
            options.Add(Option(set));
        }

        var headers = new List<(string, string)>();
        if (random.Next(5) == 0)
        {
            headers.Add(
                (
                    "Prefer",
                    random.Pick([
                        "odata.maxpagesize=" + random.Pick(Counts),
                        "odata.maxpagesize",
                        "odata.maxpagesize==5",
                        "return=minimal",
                        "odata.maxpagesize=2, odata.maxpagesize=99999",
                        ";;;,,,==",
                        "odata.track-changes",
                        "odata.maxpagesize=" + new string('9', 400),
                    ])
                )
            );
        }

        if (random.Next(6) == 0)
        {
            headers.Add(
                (
                    "Accept",
                    random.Pick([
                        "application/json;odata.metadata=full",
                        "application/json;odata.metadata=none",
                        "application/xml",
                        "application/json;IEEE754Compatible=true",
                        "text/html",
                        "*/*;q=abc",
                        "application/json;odata.metadata=bogus",
                        "image/png",
                        ";;",
                    ])
                )
            );
        }

        if (random.Next(10) == 0)
        {
            headers.Add(
                (random.Pick(["OData-Version", "OData-MaxVersion"]), random.Pick(["3.0", "4.01", "5.0", "garbage", ""]))
            );
        }

        var request = new FuzzRequest(
            "odata",
            random.Next(25) == 0 ? random.Pick(["POST", "PUT", "PATCH", "DELETE", "MERGE"]) : "GET",
            path + (options.Count > 0 ? "?" + string.Join("&", options) : ""),
            key
        )
        {
            Headers = headers,
        };
        return random.Next(40) == 0 ? LongUrl(request, set) : request;
    }

    private string Option(IEdmEntitySet set)
    {
        var type = set.EntityType;
        return random.Next(16) switch
        {
            0 or 1 or 2 => "$filter="
                + Encode(random.Next(3) == 0 ? FuzzFilter.Soup(random) : FuzzFilter.Expression(random, type, 0)),
            3 => "$orderby="
                + Encode(
                    string.Join(
                        ",",
                        Enumerable
                            .Range(0, random.Next(2) == 0 ? random.Next(1, 6) : 20)
                            .Select(_ =>
                                FuzzFilter.Operand(random, type, 1)
                                + random.Pick(["", " asc", " desc", " up", " desc desc"])
                            )
                    )
                ),
            4 => "$select="
                + Encode(
                    random.Pick([
                        "*",
                        "",
                        ",",
                        "Nope",
                        "Unit",
                        "Unit/Name",
                        "Code,Code",
                        string.Join(",", FuzzFilter.Names(type).Take(random.Next(1, 8))),
                    ])
                ),
            5 => "$expand="
                + Encode(
                    random.Pick([
                        "Unit",
                        "Procedure",
                        "Unit,Procedure",
                        "Unit($select=Name)",
                        "Unit($expand=Unit)",
                        "*",
                        "Nope",
                        "Unit($filter=Level eq 'commune')",
                        "Unit($levels=max)",
                        "Unit/Nope",
                        "Unit($select=Nope)",
                        "Unit($top=1)",
                        "Unit,Unit",
                        "Unit(",
                        "$ref",
                    ])
                ),
            6 => random.Pick(["$top=", "$skip=", "$TOP=", "$Skip="]) + Encode(random.Pick(Counts)),
            7 => "$count=" + random.Pick(["true", "false", "TRUE", "1", "yes", ""]),
            8 => "$skiptoken=" + Encode(SkipToken()),
            9 => "$format="
                + Encode(
                    random.Pick([
                        "json",
                        "application/json",
                        "xml",
                        "atom",
                        "application/json;odata.metadata=full",
                        "application/json;odata.metadata=none",
                        "application/json;IEEE754Compatible=true",
                        "text/csv",
                        "garbage",
                        "",
                    ])
                ),
            10 => random
                .Pick([
                    "$search=late",
                    "$expand=$ref",
                    "$expand=Unit/$ref",
                    "$expand=*/$ref",
                    "$select=$ref",
                    "$apply=groupby((Code))",
                    "$compute=Code as C",
                    "$levels=2",
                    "$id=x",
                    "$deltatoken=x",
                    "$schemaversion=1",
                    "$foo=bar",
                    "@p1='x'",
                    "foo=bar",
                    "$",
                    "$=",
                    "=",
                    "&&",
                    "$filter",
                    "$filter=@p1&@p1=Code",
                    "$filter=@p1 eq 'x'&@p1=@p1",
                ])
                .Replace(" ", "%20", StringComparison.Ordinal),
            11 => "$filter="
                + Encode(FuzzFilter.Expression(random, type, 0))
                + "&$filter="
                + Encode(FuzzFilter.Expression(random, type, 0)),
            12 => "$apply=" + Encode(FuzzFilter.Apply(random, type)),
            13 => "$apply=" + Encode(random.Pick(HostileApply)),
            _ => "$filter=" + Encode(FuzzFilter.Expression(random, type, 0)),
        };
    }

    /// <summary>One of the hostile forms, on the entity set whose properties they name.</summary>
    private FuzzRequest Hostile(FuzzKey key) =>
        new(
            "odata-hostile",
            "GET",
            "/odata/Dossiers?"
                + (
                    random.Next(3) == 0
                        ? "$filter=" + Encode(random.Pick(HostileFilter))
                        : "$apply=" + Encode(random.Pick(HostileApply))
                ),
            key
        );

    private string SkipToken()
    {
        var values = Enumerable
            .Range(0, random.Next(0, 6))
            .Select(_ =>
                random.Next(4) switch
                {
                    0 => "null",
                    1 => "\""
                        + random.Pick([
                            "P.A.1",
                            "2025-01-01T00:00:00.0000000Z",
                            "x",
                            "1",
                            "9999999999999999999999",
                            "2025-13-01",
                        ])
                        + "\"",
                    2 => random.Pick(FuzzText.Numbers),
                    _ => "[]",
                }
            );
        var json = "[" + string.Join(",", values) + "]";
        return random.Next(6) switch
        {
            0 => "o" + random.Pick(["0", "-1", "99999999999999999999", "abc", "", "1e3", "2147483648"]),
            1 => random.Pick([
                "k",
                "k!!!",
                "kW10",
                "x",
                "",
                "o",
                "K" + Convert.ToBase64String(Encoding.UTF8.GetBytes(json)),
            ]),
            2 => "k"
                + Convert
                    .ToBase64String(Encoding.UTF8.GetBytes(random.Pick(["{}", "\"x\"", "null", "[", "[1,2", json])))
                    .TrimEnd('=')
                    .Replace('+', '-')
                    .Replace('/', '_'),
            _ => "k"
                + Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        };
    }

    /// <summary>Mostly escaped as a client would; sometimes only what a URL cannot hold raw, or spaces as
    /// '+'.</summary>
    private string Encode(string text) =>
        random.Next(6) switch
        {
            0 => Minimal(text),
            1 => Uri.EscapeDataString(text).Replace("%20", "+", StringComparison.Ordinal),
            _ => Uri.EscapeDataString(text),
        };

    /// <summary>Escapes only what may not appear raw in a query value (as Power Query does): letters, digits and
    /// "-._~!$'()*,;:@/?" stay.</summary>
    private static string Minimal(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (
                rune.IsAscii
                && (
                    char.IsAsciiLetterOrDigit((char)rune.Value)
                    || "-._~!$'()*,;:@/?".Contains((char)rune.Value, StringComparison.Ordinal)
                )
            )
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                builder.Append(Uri.EscapeDataString(rune.ToString()));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// A feed URL padded past the feeds' own limit (4,096: an OData 400) or past the server's request
    /// line limit (8 KiB: a 414 with an OData error).
    /// </summary>
    private FuzzRequest LongUrl(FuzzRequest request, IEdmEntitySet set)
    {
        var target = random.Next(2) == 0 ? random.Next(4_200, 7_500) : random.Next(9_000, 12_000);
        var filter = new StringBuilder($"/odata/{set.Name}?$filter=");
        for (var i = 0; filter.Length < target; i++)
        {
            filter.Append(
                CultureInfo.InvariantCulture,
                $"{(i == 0 ? "" : "%20or%20")}{set.EntityType.Key().First().Name}%20eq%20'X{i}'"
            );
        }

        return request with
        {
            Category = "odata-long-url",
            Method = "GET",
            Target = filter.ToString(),
            ServerRefusal = filter.Length > 8_192 ? 414 : null,
        };
    }
}
