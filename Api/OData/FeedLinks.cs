using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.OData;

/// <summary>
/// The next link of a page: the request's own options without paging, then the page's continuation
/// (a keyset token after the last row in the sort order, null sort values included) and what is left of <c>$top</c>,
/// escaped as OData clients write them (a client that parses the link gets the same query back).
/// </summary>
internal static class FeedLinks
{
    public static Uri NextLink<T>(HttpRequest request, FeedQuery plan, T last)
    {
        var token = SkipToken.After(plan.Order.Select((_, i) => plan.OrderValue(last!, i)));
        var pairs = QueryHelpers
            .ParseQuery(request.QueryString.Value)
            .Where(p => p.Key is not ("$skip" or "$skiptoken" or "$top"))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .ToList();
        if (plan.TopAfterPage is { } top)
        {
            pairs.Add(new("$top", top.ToString(CultureInfo.InvariantCulture)));
        }

        pairs.Add(new("$skiptoken", token.ToString()));
        return new Uri(
            UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path)
                + "?"
                + string.Join("&", pairs.Select(p => Escape(p.Key) + "=" + Escape(p.Value ?? string.Empty)))
        );
    }

    /// <summary>
    /// A query option written as OData's URL conventions show them: the characters of its syntax that
    /// RFC 3986 allows in a query stay as they are (<c>Unit($select=Level)</c>, <c>Unit/Name</c>,
    /// <c>'49'</c>), everything else is percent-encoded as UTF-8, including those that would end or
    /// change the option (<c>&amp;</c>, <c>#</c>, <c>+</c>, <c>%</c>).
    /// </summary>
    internal static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || Kept.Contains((char)rune.Value)))
            {
                escaped.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }

    private const string Kept = "-._~!$'()*,;=:@/?";
}
