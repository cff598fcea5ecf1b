namespace Scorecard.Domain.Levels;

/// <summary>A locality (tỉnh, huyện, xã) or an agency of one (sở, ban, ngành).</summary>
public enum UnitKind
{
    Locality,
    Agency,
}
