using Scorecard.Domain.Levels;
using Scorecard.Domain.Targets;

namespace Scorecard.Domain.Units;

/// <summary>The unit tree seen through <see cref="IUnitHierarchy"/>, for the target rules.</summary>
public sealed class UnitTreeHierarchy(UnitTree tree) : IUnitHierarchy
{
    public bool IsAncestorOrSelf(string ancestor, string unit) => tree.IsAncestorOrSelf(ancestor, unit);

    public UnitLevel? LevelOf(string unit) => tree.Find(unit)?.Level;
}
