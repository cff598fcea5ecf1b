namespace Scorecard.Domain.Levels;

/// <summary>The tier of government a unit or procedure belongs to ("cấp").</summary>
public enum UnitLevel
{
    Province,
    District,
    Commune,
}
