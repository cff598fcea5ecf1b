using System.Collections.Frozen;

namespace Scorecard.Api.Auth;

/// <summary>
/// Public figures (<c>Auth:PublicRead</c>, off by default): a visitor without a key may read the province's
/// aggregated figures and the reference data they are drawn with, as a province-wide reader. Only the GET
/// routes listed here are public; every other route (dossiers and their events, targets, keys, the feeds,
/// every write) keeps asking for a key. New routes of aggregated figures join by being added to this list.
/// </summary>
internal static class PublicRead
{
    /// <summary>The role of a visitor without a key on a public route.</summary>
    public const string Role = "public";

    /// <summary>The source claim of such a visitor, who sends nothing.</summary>
    public const string Source = "public";

    /// <summary>Route patterns (as mapped, without trailing slash) whose GET is public.</summary>
    public static readonly FrozenSet<string> Routes = FrozenSet.Create(
        StringComparer.Ordinal,
        "/api/map",
        "/api/rankings",
        "/api/series",
        "/api/scorecards/{unitCode}",
        "/api/index/{unitCode}",
        "/api/index-definition",
        "/api/indicators",
        "/api/indicators/{code}",
        "/api/labels",
        "/api/units",
        "/api/units/{code}"
    );

    /// <summary>True for a read of a public route (the endpoint is chosen before authentication runs).</summary>
    public static bool IsPublicRoute(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HttpMethods.IsGet(context.Request.Method)
            && context.GetEndpoint() is RouteEndpoint { RoutePattern.RawText: { } pattern }
            && Routes.Contains("/" + pattern.Trim('/'));
    }

    /// <summary>True when the request was let in as a public visitor, without a key.</summary>
    public static bool IsPublicVisitor(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Role) && user.KeyId() is null;
}
