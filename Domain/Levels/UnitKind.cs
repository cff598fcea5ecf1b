namespace Scorecard.Domain.Levels;

/// <summary>A locality (province, district, commune) or an agency [sở, ban, ngành].</summary>
public enum UnitKind
{
    Locality,
    Agency,
}
