using Scorecard.Domain.Levels;
using Scorecard.Domain.Targets;

namespace Scorecard.Api.Tests.Domain.Targets;

/// <summary>
/// Province 49 with agency 49.SNV, districts 49.D1 (communes 49.D1.C1, 49.D1.C2) and 49.D2 (commune 49.D2.C1).
/// </summary>
internal sealed class FakeUnitHierarchy : IUnitHierarchy
{
    private readonly Dictionary<string, (string? Parent, UnitLevel Level)> units = new(StringComparer.Ordinal)
    {
        ["49"] = (null, UnitLevel.Province),
        ["49.SNV"] = ("49", UnitLevel.Province),
        ["49.D1"] = ("49", UnitLevel.District),
        ["49.D1.C1"] = ("49.D1", UnitLevel.Commune),
        ["49.D1.C2"] = ("49.D1", UnitLevel.Commune),
        ["49.D2"] = ("49", UnitLevel.District),
        ["49.D2.C1"] = ("49.D2", UnitLevel.Commune),
    };

    public bool IsAncestorOrSelf(string ancestor, string unit)
    {
        for (string? u = unit; u is not null; u = units.GetValueOrDefault(u).Parent)
        {
            if (u == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    public UnitLevel? LevelOf(string unit) => units.TryGetValue(unit, out var u) ? u.Level : null;
}
