using System.Globalization;
using Scorecard.Domain.Periods;

namespace Scorecard.Domain.Targets;

/// <summary>
/// Rules for assigning targets. Every indicator is "higher is better", so a target covering a unit
/// may tighten but never loosen the general target its ancestors set for that unit's level.
/// </summary>
public static class TargetRules
{
    /// <param name="assignments">The targets to check, together with those already stored.</param>
    /// <returns>One message per problem, naming the unit, indicator and period; empty when all are valid.</returns>
    public static IReadOnlyList<string> Validate(IEnumerable<TargetAssignment> assignments, IUnitHierarchy units)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(units);
        var all = assignments.ToList();
        var errors = new List<string>();
        foreach (var t in all)
        {
            var name = t.Name;
            if (units.LevelOf(t.UnitCode) is null)
            {
                errors.Add($"{name}: unit '{t.UnitCode}' does not exist.");
                continue;
            }

            if (!units.IsAncestorOrSelf(t.AssignedBy, t.UnitCode))
            {
                errors.Add(
                    $"{name}: assigned by '{t.AssignedBy}', which is neither the unit nor one of its ancestors."
                );
            }

            if (t.Target is < 0 or > 100 || t.Baseline is < 0 or > 100)
            {
                errors.Add($"{name}: target and baseline must be percentages from 0 to 100.");
            }

            var floor = Floor(all, t, units);
            if (floor is not null && t.Target < floor.Target)
            {
                errors.Add(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"{name}: target {t.Target} is below the general target {floor.Target} that "
                            + $"'{floor.UnitCode}' set for {floor.LevelName} units."
                    )
                );
            }
        }

        return errors;
    }

    /// <summary>
    /// The target that applies to a unit: its own specific target, else the general target for its
    /// level set by its nearest ancestor. Null when none applies.
    /// </summary>
    public static TargetAssignment? EffectiveTarget(
        IEnumerable<TargetAssignment> assignments,
        string unitCode,
        string indicator,
        Period period,
        IUnitHierarchy units
    )
    {
        ArgumentNullException.ThrowIfNull(assignments);
        ArgumentNullException.ThrowIfNull(units);
        var slot = assignments.Where(t => t.SameSlot(indicator, period)).ToList();
        return slot.LastOrDefault(t => !t.IsGeneral && string.Equals(t.UnitCode, unitCode, StringComparison.Ordinal))
            ?? Nearest(slot.Where(t => t.Covers(unitCode, units)), units);
    }

    /// <summary>The highest general target set above the units <paramref name="t"/> covers, for their level.</summary>
    private static TargetAssignment? Floor(List<TargetAssignment> all, TargetAssignment t, IUnitHierarchy units)
    {
        var candidates = all.Where(g => g != t && g.SameSlot(t.Indicator, t.Period) && g.AppliesToLevel is not null);
        candidates = t.AppliesToLevel is { } level
            ? candidates.Where(g =>
                g.AppliesToLevel == level
                && !string.Equals(g.UnitCode, t.UnitCode, StringComparison.Ordinal)
                && units.IsAncestorOrSelf(g.UnitCode, t.UnitCode)
            )
            : candidates.Where(g => g.Covers(t.UnitCode, units));
        return candidates.MaxBy(g => g.Target);
    }

    private static TargetAssignment? Nearest(IEnumerable<TargetAssignment> covering, IUnitHierarchy units)
    {
        TargetAssignment? nearest = null;
        foreach (var g in covering)
        {
            if (nearest is null || units.IsAncestorOrSelf(nearest.UnitCode, g.UnitCode))
            {
                nearest = g;
            }
        }

        return nearest;
    }
}
