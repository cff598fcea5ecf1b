using System.Globalization;
using Microsoft.OData.Edm;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>
/// <c>$filter</c> and <c>$orderby</c> text over an entity type's own properties: mostly well formed,
/// sometimes of the wrong types, unsupported (lambdas, unknown functions), or random token soup.
/// </summary>
internal static class FuzzFilter
{
    private static readonly string[] Comparisons = ["eq", "ne", "gt", "ge", "lt", "le", "has", "EQ", "=="];
    private static readonly string[] Functions =
    [
        "contains",
        "startswith",
        "endswith",
        "tolower",
        "toupper",
        "trim",
        "length",
        "concat",
        "indexof",
        "substring",
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "date",
        "round",
        "floor",
        "ceiling",
        "now",
        "matchesPattern",
        "cast",
        "isof",
        "fractionalseconds",
        "totaloffsetminutes",
        "maxdatetime",
        "geo.distance",
        "time",
        "totalseconds",
        "case",
    ];

    private static readonly string[] Tokens =
    [
        "(",
        ")",
        "((",
        "))",
        ",",
        "'",
        "''",
        "/",
        "$it",
        "$this",
        "$root",
        "@p",
        "eq",
        "ne",
        "gt",
        "lt",
        "and",
        "or",
        "not",
        "in",
        "add",
        "sub",
        "mul",
        "div",
        "mod",
        "divby",
        "has",
        "any",
        "all",
        "x:",
        "x/Code",
        "null",
        "true",
        "false",
        "1",
        "-1",
        "1e400",
        "INF",
        "NaN",
        "9223372036854775808",
        "'x'",
        "'Hà Nội'",
        "'😀'",
        "2025-01-01",
        "2025-13-45",
        "2025-01-01T00:00:00Z",
        "duration'P1D'",
        "guid'x'",
        "binary'AA=='",
        "Scorecard.Dossier",
        "Edm.String",
        "[",
        "]",
        "{",
        "}",
        ";",
        "&",
        "=",
        "%",
        "\\",
        "\"",
        "*",
        "-",
    ];

    /// <summary>A $filter over the type's own properties: mostly well formed, sometimes of the wrong types or
    /// unsupported.</summary>
    public static string Expression(Random random, IEdmEntityType type, int depth)
    {
        if (depth > 3)
        {
            return Comparison(random, type);
        }

        return random.Next(10) switch
        {
            0 => $"{Expression(random, type, depth + 1)} and {Expression(random, type, depth + 1)}",
            1 => $"{Expression(random, type, depth + 1)} or {Expression(random, type, depth + 1)}",
            2 => $"not ({Expression(random, type, depth + 1)})",
            3 => $"({Expression(random, type, depth + 1)})",
            4 => $"{Operand(random, type, depth + 1)} in "
                + "("
                + string.Join(
                    ",",
                    Enumerable.Range(0, random.Next(2) == 0 ? random.Next(1, 5) : 501).Select(_ => Literal(random))
                )
                + ")",
            5 => random.Pick(Functions)
                + "("
                + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Operand(random, type, depth + 1)))
                + ")",
            6 => $"{random.Pick(["Unit", "Procedure", "Nope"])}/{random.Pick(["any", "all"])}(x:x/Code eq 'P')",
            _ => Comparison(random, type),
        };
    }

    private static string Comparison(Random random, IEdmEntityType type) =>
        $"{Operand(random, type, 2)} {random.Pick(Comparisons)} {Operand(random, type, 2)}";

    public static string Operand(Random random, IEdmEntityType type, int depth) =>
        random.Next(8) switch
        {
            0 or 1 or 2 => random.Pick(Names(type)),
            3 => Literal(random),
            4 => random.Pick([
                "Unit/Level",
                "Unit/Code",
                "Procedure/HasFee",
                "Unit/Nope",
                "Nope",
                "$it/Code",
                "@p1",
                "Unit",
                "Code/Code",
            ]),
            5 when depth < 4 => $"{Operand(random, type, depth + 1)} "
                + $"{random.Pick(["add", "sub", "mul", "div", "mod", "divby"])} {Operand(random, type, depth + 1)}",
            6 when depth < 4 => $"{random.Pick(Functions)}({Operand(random, type, depth + 1)}"
                + $"{(random.Next(2) == 0 ? "," + Literal(random) : "")})",
            _ => Literal(random),
        };

    private static string Literal(Random random) =>
        random.Next(12) switch
        {
            0 => "'" + random.Pick(FuzzText.Strings).Replace("'", "''", StringComparison.Ordinal) + "'",
            1 => "'" + random.Pick(FuzzText.Strings) + "'",
            2 => random.Pick(FuzzText.Numbers),
            3 => random.Pick([
                "2025-01-01",
                "9999-12-31",
                "0001-01-01",
                "2025-02-30",
                "2025-01-01T00:00:00Z",
                "2025-01-01T00:00:00+07:00",
                "9999-12-31T23:59:59.9999999-14:00",
                "0001-01-01T00:00:00+14:00",
                "2025-01-01T25:00:00Z",
            ]),
            4 => random.Pick(["null", "true", "false", "INF", "-INF", "NaN", "1.5M", "2d", "3f", "7L"]),
            5 => random.Pick([
                "duration'P1D'",
                "duration'PX'",
                "guid'00000000-0000-0000-0000-000000000000'",
                "binary'AA=='",
                "Scorecard.Nope'x'",
                "geography'POINT(0 0)'",
            ]),
            6 => "'" + FuzzText.Long(random, 2000).Replace("'", "''", StringComparison.Ordinal) + "'",
            _ => random.Next(-5, 5000).ToString(CultureInfo.InvariantCulture),
        };

    /// <summary>An $apply: filter steps, then groupby with aggregates or an aggregate alone; sometimes steps out of
    /// order or unsupported.</summary>
    public static string Apply(Random random, IEdmEntityType type)
    {
        var steps = Enumerable.Range(0, random.Next(3)).Select(_ => $"filter({Expression(random, type, 2)})").ToList();
        var aggregates = string.Join(
            ",",
            Enumerable
                .Range(0, random.Next(1, 4))
                .Select(i =>
                    random.Next(4) == 0
                        ? $"$count as N{i}"
                        : $"{Operand(random, type, 3)} with "
                            + $"{random.Pick(["sum", "min", "max", "average", "countdistinct", "median", "count"])} "
                            + $"as A{i}"
                )
        );
        var groups = string.Join(",", Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Pick(Names(type))));
        steps.Add(
            random.Next(8) switch
            {
                0 => $"aggregate({aggregates})",
                1 => $"groupby(({groups}))",
                2 => random.Pick([
                    "topcount(2,Code)",
                    "compute(1 as X)",
                    "expand(Unit)",
                    "groupby((Unit/Level),aggregate($count as N))",
                    "identity",
                    "concat(filter(true),filter(false))",
                ]),
                3 => $"groupby(({groups}),aggregate({aggregates}))/filter(N0 gt 1)",
                _ => $"groupby(({groups}),aggregate({aggregates}))",
            }
        );
        return random.Next(10) == 0
            ? Soup(random)
            : string.Join("/", random.Next(10) == 0 ? Enumerable.Reverse(steps) : steps);
    }

    /// <summary>Random tokens of the filter language and punctuation, with or without spaces.</summary>
    public static string Soup(Random random) =>
        string.Join(
            random.Next(5) == 0 ? "" : " ",
            Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Pick(Tokens))
        );

    public static List<string> Names(IEdmEntityType type) =>
        [.. type.StructuralProperties().Select(p => p.Name), .. type.NavigationProperties().Select(p => p.Name)];
}
