using Scorecard.Domain.Wire;

namespace Scorecard.Domain.Dossiers;

/// <summary>Wire names of event types: <c>received</c>, <c>supplement-requested</c>, … (exact, lower case).</summary>
public static class DossierEventTypes
{
    public static IReadOnlyList<string> WireNames { get; } =
        Enum.GetValues<DossierEventType>().Select(WireName.Of).ToArray();

    public static bool TryParse(string? wire, out DossierEventType type) => WireName.TryParse(wire, out type);

    public static string ToWire(DossierEventType type) => WireName.Of(type);
}
