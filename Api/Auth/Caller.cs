using System.Security.Claims;
using Scorecard.Infrastructure.Audit;

namespace Scorecard.Api.Auth;

/// <summary>
/// Who is calling, read once from the key's claims. A route handler takes it as a parameter
/// (<see cref="BindAsync"/>) instead of reading claims itself.
/// </summary>
/// <param name="Role">The key's role (admin, analyst, integrator).</param>
/// <param name="ScopeUnit">The unit whose subtree the key is limited to, or null for a province-wide key.</param>
/// <param name="Source">The source (integrator) the key speaks for.</param>
/// <param name="KeyId">The key's id; null for the bootstrap key, which has no database row.</param>
internal sealed record Caller(string? Role, string? ScopeUnit, string Source, string? KeyId)
{
    public bool IsAdmin => Role == Roles.Admin;

    public bool IsProvinceWide => ScopeUnit is null;

    /// <summary>The key's name ("bootstrap" for the bootstrap key).</summary>
    public string KeyName { get; init; } = "";

    /// <summary>Who makes a change this request asks for, and now: what the audit trail records.</summary>
    public AuditStamp Stamp(TimeProvider clock) =>
        new(KeyId, KeyName, (clock ?? throw new ArgumentNullException(nameof(clock))).GetUtcNow());

    public static Caller From(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.Role), user.ScopeUnit(), user.Source(), user.KeyId())
        {
            KeyName = user.FindFirstValue(ClaimTypes.Name) ?? "",
        };

    /// <summary>The caller of a request, read from its principal the first time it is asked for.</summary>
    public static Caller Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(typeof(Caller), out var known) && known is Caller caller)
        {
            return caller;
        }

        caller = From(context.User);
        context.Items[typeof(Caller)] = caller;
        return caller;
    }

    /// <summary>Binds a handler parameter of this type.</summary>
    public static ValueTask<Caller> BindAsync(HttpContext context) => ValueTask.FromResult(Of(context));
}
