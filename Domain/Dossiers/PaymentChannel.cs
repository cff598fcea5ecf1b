namespace Scorecard.Domain.Dossiers;

/// <summary>Where an online payment was made. Wire names <c>portal</c> (the national portal),
/// <c>provincial-gateway</c>.</summary>
public enum PaymentChannel
{
    Portal,
    ProvincialGateway,
}
