using System.Text;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>
/// Header abuse: a header past the server's 32 KiB, broken Basic credentials (bad base64, no colon,
/// non-ASCII), odd and repeated X-Api-Key values, invalid Host headers, non-ASCII values; and noise
/// headers (Accept, Range, Upgrade …) added to any request.
/// </summary>
internal static class FuzzHeaders
{
    public static FuzzRequest Abuse(Random random, string target)
    {
        var (name, value, refusal) = random.Next(12) switch
        {
            0 => ("X-Big", new string('a', 40_000), (int?)431),
            1 => ("X-Big", new string('a', 16_000), null),
            2 => (
                "Authorization",
                "Basic "
                    + ""
                    + random.Pick([
                        "",
                        "!!!",
                        "====",
                        "YWJj",
                        Base64("no-colon"),
                        Base64("user:"),
                        Base64(":"),
                        Convert.ToBase64String([0xFF, 0xFE, 0x3A, 0xC0]),
                        new string('A', 2000),
                        Base64("u:" + new string('k', 300)),
                    ]),
                null
            ),
            3 => (
                "Authorization",
                random.Pick(["Bearer x", "Basic", "Digest a=b", "basic " + Base64("u:sc_x_y"), ",,,", "Basic a b c"]),
                null
            ),
            4 => (
                "X-Api-Key",
                random.Pick([
                    "",
                    " ",
                    "sc_",
                    "sc__",
                    "sc_x_",
                    "sc_aaaaaaaaaaaa_",
                    new string('k', 257),
                    new string('k', 5000),
                    "sc_../.._x",
                    "' OR 1=1 --",
                    "khóa-bí-mật",
                    "🔑",
                    "\t",
                ]),
                null
            ),
            5 => ("Authorization", "Basic " + Base64("Người dùng:khóa"), null),
            6 => (
                "X-Forwarded-For",
                random.Pick(["1.2.3.4", "::1, 999.999.1.1", "garbage", new string('1', 3000)]),
                null
            ),
            7 => ("Host", "evil.example", null),
            8 => ("Host", random.Pick(["a b", "[::1", "x:99999", "a/b", "😀"]), (int?)400),
            9 => ("Cookie", random.Pick(["a", "=;=;", "x=" + new string('y', 8_000)]), null),
            _ => ("X-Note", "Hà Nội 😀", null),
        };
        var headers = new List<(string, string)> { (name, value) };
        if (random.Next(3) == 0)
        {
            // A repeated X-Api-Key is no key at all, even when both copies are the admin key.
            headers.Add(("X-Api-Key", ScorecardFactory.AdminKey));
            headers.Add(("X-Api-Key", random.Pick([ScorecardFactory.AdminKey, "wrong"])));
        }

        return new FuzzRequest("headers", "GET", target, FuzzKey.None) { Headers = headers, ServerRefusal = refusal };
    }

    public static FuzzRequest WithNoise(Random random, FuzzRequest request) =>
        request with
        {
            Headers =
            [
                .. request.Headers,
                random.Pick<(string, string)>([
                    ("Accept", random.Pick(["text/html", "application/xml", "*/*;q=x", ""])),
                    ("Accept-Charset", "klingon"),
                    ("Accept-Language", "vi-VN,vi;q=0.9"),
                    ("Accept-Encoding", "gzip, br, zstd, x"),
                    ("If-None-Match", "\"x\""),
                    ("Range", "bytes=0-1"),
                    ("Origin", "https://evil.example"),
                    ("X-HTTP-Method-Override", "DELETE"),
                    ("Cookie", "a=" + new string('b', 4000)),
                    ("User-Agent", "Microsoft.Data.Mashup"),
                    ("Expect", "100-continue"),
                    ("Connection", "keep-alive, Upgrade"),
                    ("Upgrade", "h2c"),
                    ("Prefer", "odata.maxpagesize=-1"),
                ]),
            ],
        };

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
