using System.Security.Claims;

namespace Scorecard.Api.Auth;

internal static class Caller
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(Roles.Admin);

    /// <summary>The unit whose subtree the caller is limited to, or null for a province-wide key.</summary>
    public static string? ScopeUnit(this ClaimsPrincipal user) => user.FindFirstValue(Roles.UnitScopeClaim);

    /// <summary>The source (integrator) the caller's key speaks for.</summary>
    public static string Source(this ClaimsPrincipal user) => user.FindFirstValue(Roles.SourceClaim) ?? "";
}
