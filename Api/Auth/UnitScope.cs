using Scorecard.Domain.Units;

namespace Scorecard.Api.Auth;

internal static class UnitScope
{
    /// <summary>True when a caller limited to <paramref name="scope"/> (null: province-wide) may see <paramref
    /// name="code"/>.</summary>
    public static bool Contains(UnitTree tree, string? scope, string code) =>
        scope is null || tree.IsAncestorOrSelf(scope, code);
}
