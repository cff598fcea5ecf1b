using System.Security.Claims;

namespace Scorecard.Api.Auth;

/// <summary>The claims an API key carries, read from a principal; routes read them once, as a <see
/// cref="Caller"/>.</summary>
internal static class CallerClaims
{
    /// <summary>The unit whose subtree the caller is limited to, or null for a province-wide key.</summary>
    public static string? ScopeUnit(this ClaimsPrincipal user) => user.FindFirstValue(Roles.UnitScopeClaim);

    /// <summary>The source (integrator) the caller's key speaks for.</summary>
    public static string Source(this ClaimsPrincipal user) => user.FindFirstValue(Roles.SourceClaim) ?? "";

    /// <summary>The id of the caller's key; null for the bootstrap key, which has no database row.</summary>
    public static string? KeyId(this ClaimsPrincipal user) => user.FindFirstValue(Roles.KeyIdClaim);
}
