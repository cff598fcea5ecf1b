using System.Globalization;
using Scorecard.Api.Auth;
using Scorecard.Api.Labels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Time;

namespace Scorecard.Api.Caching;

/// <summary>
/// What caches may do with a successful read (README "Caching"). A keyed answer is the key's own: a browser may keep
/// it but must ask again each time (<c>If-None-Match</c> makes that a 304). A public answer is the same for every
/// visitor; shared caches may keep it, for <c>Caching:PublicMaxAgeSeconds</c> when it is about a period that has
/// ended, else asking again each time.
/// </summary>
internal static class CachePolicy
{
    public const string NoStore = "no-store";
    public const string Keyed = "private, max-age=0, must-revalidate";
    public const string PublicOpen = "public, max-age=0, must-revalidate";

    /// <summary>The headers an answer differs by: its coding, its language (names and labels), and the key (a key
    /// limited to a unit sees less).</summary>
    public static readonly string[] Vary =
    [
        "Accept-Encoding",
        RequestLanguage.Header,
        ApiKeyAuthenticationHandler.HeaderName,
        "Authorization",
    ];

    public static string For(HttpContext context, DateTimeOffset now, int publicMaxAgeSeconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.User.IsPublicVisitor())
        {
            return Keyed;
        }

        return publicMaxAgeSeconds > 0 && AsksForAnEndedPeriod(context.Request.Query, now)
            ? $"public, max-age={publicMaxAgeSeconds.ToString(CultureInfo.InvariantCulture)}, must-revalidate"
            : PublicOpen;
    }

    /// <summary>True when the request names a period (<c>period</c>, or a range ending on <c>to</c>) that ended
    /// before <paramref name="now"/>; later events may still change its figures (late reports, corrections), so a
    /// public answer is kept only for a while.</summary>
    private static bool AsksForAnEndedPeriod(IQueryCollection query, DateTimeOffset now)
    {
        if (query.TryGetValue("period", out var period))
        {
            return Period.TryParse(period.ToString(), out var parsed, out _) && parsed!.IsClosedAt(now);
        }

        return query.TryGetValue("to", out var to)
            && DateOnly.TryParseExact(
                to.ToString(),
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var last
            )
            && VietnamTime.StartOf(last.AddDays(1)) <= now;
    }
}
