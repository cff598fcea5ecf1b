namespace Scorecard.Api.Ingestion;

/// <summary>The settings of section <c>Ingestion</c> that limit what integrators may send.</summary>
internal sealed class IngestionLimits
{
    public const string Section = "Ingestion";

    /// <summary>
    /// How many days before now an event sent with a non-admin key may be dated (0: no limit). Past it
    /// the event is refused, so an integrator cannot rewrite the figures of periods long closed; admins
    /// are exempt, for corrections and for loading an integrator's history.
    /// </summary>
    public int MaxEventAgeDays { get; set; }
}
