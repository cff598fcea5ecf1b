using System.Text;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>The hostile values the generator draws from: odd text, odd numbers, odd path segments.</summary>
internal static class FuzzText
{
    /// <summary>Text values (escaped before they go into a URL; written as JSON strings in bodies).</summary>
    public static readonly string[] Strings =
    [
        "",
        " ",
        "\t",
        "P",
        "P.A",
        "P.A.1",
        "P.B",
        "P.B.1",
        "1.000001",
        "on-time",
        "score",
        "2025",
        "2025-H1",
        "2025-13",
        "2025-W54",
        "../..",
        "../../etc/passwd",
        "..\\..\\windows",
        "%2e%2e%2f",
        "%00",
        "\0",
        "a\0b",
        "Hà Nội",
        "Xã Điện Bàn",
        "Tỉnh Quảng Nam",
        "😀",
        "👨‍👩‍👧‍👦",
        "\u202Eevil",
        "\uFEFF",
        "' OR '1'='1",
        "'; DROP TABLE units; --",
        "\" OR \"\"=\"",
        "<script>alert(1)</script>",
        "${jndi:ldap://x}",
        "{{7*7}}",
        "%s%s%s%n",
        "null",
        "true",
        "NaN",
        "-0",
        "１２３",
        "ǅ",
        "İ",
        "ß",
        "\r\n",
        "a\r\nX-Injected: 1",
        "P.A/../P.B",
        "P.A%2F..%2FP.B",
        "*",
        "?",
        "#",
        ";",
        "&",
        "=",
        "%",
        "%zz",
        "+",
        "~",
        "`",
        "|",
        "\\",
    ];

    /// <summary>Numbers as JSON writes them, including ones no 64-bit or decimal type holds.</summary>
    public static readonly string[] Numbers =
    [
        "0",
        "-1",
        "1",
        "0.5",
        "-0",
        "1e400",
        "-1e400",
        "1E-400",
        "1.7976931348623157e309",
        "9223372036854775807",
        "9223372036854775808",
        "-9223372036854775809",
        "18446744073709551616",
        "79228162514264337593543950336",
        "2147483648",
        "-2147483649",
        "1" + new string('0', 400),
        "0." + new string('0', 400) + "1",
        "123456789012345678901234567890.123456789",
        "1e1000000",
        "4.9e-324",
    ];

    /// <summary>Path segments already in URL form: traversal, encoded NUL, overlong and invalid UTF-8, lone
    /// surrogates.</summary>
    public static readonly string[] RawSegments =
    [
        "..",
        ".",
        "...",
        "..%2f..",
        "%2e%2e%2f%2e%2e%2f",
        "%2e%2e",
        "%2F",
        "%5c..%5c",
        "%C0%AF",
        "%C0%AE%C0%AE",
        "%ED%A0%80",
        "%ED%B0%80",
        "%FF%FE",
        "%F0%9F%98%80",
        "H%C3%A0%20N%E1%BB%99i",
        "%",
        "%zz",
        "%2",
        ";x=1",
        "x;y",
        "%3B",
        "%23",
        "%3F",
        "%25",
        "%20",
        "+",
        "~",
        "x%0D%0AX-Injected:%201",
        "%E2%80%AE",
        "%EF%BB%BF",
    ];

    /// <summary>Path segments the server refuses before routing (a NUL in the path): 400 with an empty body.</summary>
    public static readonly string[] RefusedSegments = ["%00", "a%00b", "%2e%2e%00"];

    public static string Pick(this Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];

    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];

    /// <summary>A long string of a repeated pattern: ASCII, Vietnamese or emoji.</summary>
    public static string Long(Random random, int length)
    {
        var unit = random.Pick(["x", "Đ", "ệ", "😀", "ab.", "'"]);
        var builder = new StringBuilder(length + 4);
        while (builder.Length < length)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    /// <summary>A value for a query string or path: hostile text escaped, or a raw segment, or a long code.</summary>
    public static string UrlValue(Random random, bool inPath) =>
        random.Next(10) switch
        {
            < 4 => Uri.EscapeDataString(Escapable(random.Pick(Strings))),
            < 7 => inPath || random.Next(4) > 0 ? random.Pick(RawSegments) : random.Pick(RefusedSegments),
            < 8 => Uri.EscapeDataString(Long(random, random.Next(2) == 0 ? 10_240 : 300)),
            < 9 => random.Pick(Numbers),
            _ => Uri.EscapeDataString(Escapable(random.Pick(Strings))) + random.Pick(RawSegments),
        };

    /// <summary>The text with NUL spelled out, so that escaping it never puts a NUL in a path (the server refuses those
    /// before routing).</summary>
    private static string Escapable(string text) => text.Replace("\0", "%00", StringComparison.Ordinal);
}
