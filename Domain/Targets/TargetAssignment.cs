using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;

namespace Scorecard.Domain.Targets;

/// <summary>
/// A target [chỉ tiêu] for an indicator in a period. With <paramref name="AppliesToLevel"/> it is a
/// general target for every unit of that level strictly under <paramref name="UnitCode"/>; without,
/// a specific target for <paramref name="UnitCode"/> itself.
/// </summary>
public sealed record TargetAssignment(
    string UnitCode,
    string Indicator,
    Period Period,
    decimal Target,
    decimal? Baseline,
    string AssignedBy,
    string? Reference,
    UnitLevel? AppliesToLevel
)
{
    public bool IsGeneral => AppliesToLevel is not null;

    /// <summary>True when this is a general target covering <paramref name="unit"/> (same indicator and period are
    /// checked by the caller).</summary>
    public bool Covers(string unit, IUnitHierarchy units)
    {
        ArgumentNullException.ThrowIfNull(units);
        return AppliesToLevel is { } level
            && !string.Equals(UnitCode, unit, StringComparison.Ordinal)
            && units.LevelOf(unit) == level
            && units.IsAncestorOrSelf(UnitCode, unit);
    }

    /// <summary>How refusals name the target: unit, indicator, period and, for a general target, the level it applies
    /// to.</summary>
    internal string Name =>
        $"Target for '{UnitCode}' ({Indicator}, "
        + $"{Period.Code}{(IsGeneral ? ", general for " + LevelName + " units" : string.Empty)})";

    internal string LevelName => AppliesToLevel?.ToString().ToLowerInvariant() ?? "its";

    internal bool SameSlot(string indicator, Period period) =>
        string.Equals(Indicator, indicator, StringComparison.Ordinal) && Period == period;

    /// <summary>True when <paramref name="other"/> is stored in the same place: same unit, indicator, period and level
    /// it applies to.</summary>
    internal bool SameSlot(TargetAssignment other) =>
        string.Equals(UnitCode, other.UnitCode, StringComparison.Ordinal)
        && SameSlot(other.Indicator, other.Period)
        && AppliesToLevel == other.AppliesToLevel;
}
