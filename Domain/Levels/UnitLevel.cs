namespace Scorecard.Domain.Levels;

/// <summary>The administrative tier [cấp] of a unit or procedure.</summary>
public enum UnitLevel
{
    Province,
    District,
    Commune,
}
