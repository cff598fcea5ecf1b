namespace Scorecard.Domain.Targets;

/// <summary>
/// Who may write a target. A writer limited to a unit (its scope) acts for that unit's subtree and
/// nothing above it: it assigns targets only to units of the subtree, only in the name of a unit of
/// the subtree, and never lowers or replaces a target that a unit above its scope set (a decision
/// taken above is changed above). A province-wide writer (no scope) may do all of it, in the name of
/// any unit; the assignment rules of <see cref="TargetRules"/> apply to every writer alike.
/// </summary>
public static class TargetAuthority
{
    /// <param name="incoming">The targets to write.</param>
    /// <param name="stored">The targets already stored, among them those the incoming ones would replace.</param>
    /// <param name="scope">The unit the writer is limited to; null for a province-wide writer.</param>
    /// <returns>One message per refused target, naming it and the reason; empty when all may be written.</returns>
    public static IReadOnlyList<string> Refusals(
        IEnumerable<TargetAssignment> incoming,
        IEnumerable<TargetAssignment> stored,
        string? scope,
        IUnitHierarchy units
    )
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(units);
        if (scope is null)
        {
            return [];
        }

        var current = stored.ToList();
        return [.. incoming.Select(t => Refusal(t, current, scope, units)).OfType<string>()];
    }

    /// <summary>
    /// Units unknown to the hierarchy are left to <see cref="TargetRules"/>, which refuses them as
    /// invalid whoever writes; a known unit outside the scope is refused here.
    /// </summary>
    private static string? Refusal(
        TargetAssignment t,
        List<TargetAssignment> stored,
        string scope,
        IUnitHierarchy units
    )
    {
        bool Outside(string unit) => units.LevelOf(unit) is not null && !units.IsAncestorOrSelf(scope, unit);

        if (Outside(t.UnitCode))
        {
            return $"{t.Name}: unit '{t.UnitCode}' is outside the subtree of '{scope}' that this key is limited to.";
        }

        if (Outside(t.AssignedBy))
        {
            return $"{t.Name}: assigned by '{t.AssignedBy}', a unit outside the subtree of '{scope}' that this key "
                + $"is limited to; "
                + $"it may assign targets only as '{scope}' or a unit below it.";
        }

        var replaced = stored.Find(s => s.SameSlot(t));
        return replaced is not null && !units.IsAncestorOrSelf(scope, replaced.AssignedBy)
            ? string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{t.Name}: the target {replaced.Target} was set by '{replaced.AssignedBy}', above '{scope}', and "
                    + $"may not be lowered or replaced by a key limited to '{scope}'."
            )
            : null;
    }
}
