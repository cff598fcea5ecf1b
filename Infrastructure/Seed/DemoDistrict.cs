namespace Scorecard.Infrastructure.Seed;

/// <summary>A district of the demo before the reorganisation: GSO code, name, whether it is urban (wards rather than
/// communes), and how many communes it had.</summary>
internal sealed record DemoDistrict(string Code, string Name, bool Urban, int Communes)
{
    /// <summary>The name without its kind ("Thị xã Điện Bàn" → "Điện Bàn"), which its first new commune takes, as
    /// many wards did in the reform.</summary>
    public string ShortName =>
        Name.StartsWith("Thành phố ", StringComparison.Ordinal) ? Name["Thành phố ".Length..]
        : Name.StartsWith("Thị xã ", StringComparison.Ordinal) ? Name["Thị xã ".Length..]
        : Name.StartsWith("Huyện ", StringComparison.Ordinal) ? Name["Huyện ".Length..]
        : Name;
}
