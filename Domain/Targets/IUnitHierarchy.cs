using Scorecard.Domain.Levels;

namespace Scorecard.Domain.Targets;

/// <summary>The unit tree as the target rules need it; implemented by the infrastructure.</summary>
public interface IUnitHierarchy
{
    /// <summary>True when <paramref name="ancestor"/> is <paramref name="unit"/> or above it in the tree.</summary>
    bool IsAncestorOrSelf(string ancestor, string unit);

    /// <summary>The unit's level, or null for an unknown unit.</summary>
    UnitLevel? LevelOf(string unit);
}
