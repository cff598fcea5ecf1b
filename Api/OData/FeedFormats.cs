using Microsoft.Net.Http.Headers;

namespace Scorecard.Api.OData;

/// <summary>
/// The service document and the feeds are written in JSON only ($metadata in XML, or JSON when asked); a
/// <c>/$count</c> is plain text, and served to a request that accepts JSON or plain text. A request that asks only
/// for something else (<c>$format=xml</c> or <c>atom</c>, <c>Accept: text/html</c>) gets a 406 saying so rather than
/// an answer it did not ask for; an Accept header that does not parse is left to the formatter, as before. Unknown
/// routes and methods keep their 404 and 405.
/// </summary>
internal static class FeedFormats
{
    /// <summary>Why a read of a mapped OData route cannot be answered in a format it accepts, or null.</summary>
    public static string? Unacceptable(HttpContext context)
    {
        var request = context.Request;
        if (
            context.GetEndpoint() is null
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Path.Value?.EndsWith("/$metadata", StringComparison.OrdinalIgnoreCase) == true
        )
        {
            return null;
        }

        if (request.Query.TryGetValue("$format", out var formats))
        {
            foreach (var format in formats)
            {
                if (!string.IsNullOrEmpty(format) && !IsJson(format.Split(';')[0].Trim()))
                {
                    return $"$format={format} is not served: the feeds are written as JSON ($format=json, or "
                        + "none).";
                }
            }

            return null;
        }

        var counting = request.Path.Value?.EndsWith("/$count", StringComparison.OrdinalIgnoreCase) == true;
        var accept = request.Headers.Accept;
        if (
            accept.Count == 0
            || !MediaTypeHeaderValue.TryParseList(accept, out var types)
            || types.Count == 0
            || types.Any(t =>
                (t.Quality ?? 1) > 0
                && (
                    t.MediaType.Value is "*/*" or "application/*"
                    || IsJson(t.MediaType.Value ?? string.Empty)
                    || counting && IsPlainText(t.MediaType.Value ?? string.Empty)
                )
            )
        )
        {
            return null;
        }

        return counting
            ? $"Accept: {accept} is not served: a count is written as plain text (send Accept: text/plain, "
                + "application/json, or none)."
            : $"Accept: {accept} is not served: the feeds are written as JSON (send Accept: application/json, "
                + "or none).";
    }

    private static bool IsPlainText(string type) =>
        type.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
        || type.Equals("text/*", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string type) =>
        type.Equals("json", StringComparison.OrdinalIgnoreCase)
        || type.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
