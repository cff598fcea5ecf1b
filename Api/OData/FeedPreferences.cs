using System.Globalization;

namespace Scorecard.Api.OData;

/// <summary>What the client asked for in its headers: the page size (Prefer: odata.maxpagesize) and the JSON
/// flavour.</summary>
internal static class FeedPreferences
{
    /// <summary>True unless the client asked for another format (full or no metadata, IEEE 754 strings,
    /// $format).</summary>
    public static bool WantsMinimalJson(HttpRequest request)
    {
        if (request.Query.ContainsKey("$format"))
        {
            return false;
        }

        foreach (var accept in request.Headers.Accept)
        {
            if (
                accept is not null
                && (
                    accept.Contains("metadata=full", StringComparison.OrdinalIgnoreCase)
                    || accept.Contains("metadata=none", StringComparison.OrdinalIgnoreCase)
                    || accept.Contains("IEEE754Compatible=true", StringComparison.OrdinalIgnoreCase)
                    || accept.Contains("streaming=false", StringComparison.OrdinalIgnoreCase)
                )
            )
            {
                return false;
            }
        }

        return true;
    }

    public static int PageSize(HttpRequest request, FeedLimits limits, out bool preferred)
    {
        preferred = false;
        foreach (var value in request.Headers["Prefer"])
        {
            foreach (var part in (value ?? string.Empty).Split(',', ';'))
            {
                var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
                if (
                    pair.Length == 2
                    && pair[0].Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                    && size > 0
                )
                {
                    preferred = true;
                    return Math.Min(size, limits.MaxPageSize);
                }
            }
        }

        return limits.PageSize;
    }
}
