using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.OData;

/// <summary>
/// The next link of a page: the request's own options without paging, then the page's continuation
/// (a keyset token after the last row in the sort order, or an offset) and what is left of <c>$top</c>.
/// </summary>
internal static class FeedLinks
{
    public static Uri NextLink<T>(HttpRequest request, FeedQuery plan, T last)
    {
        var token = plan.Keyset
            ? SkipToken.After(plan.Order.Select(o => typeof(T).GetProperty(o.Column.Property)!.GetValue(last)))
            : SkipToken.At(plan.Offset + plan.Take);
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
            UriHelper.BuildAbsolute(
                request.Scheme,
                request.Host,
                request.PathBase,
                request.Path,
                QueryString.Create(pairs)
            )
        );
    }
}
