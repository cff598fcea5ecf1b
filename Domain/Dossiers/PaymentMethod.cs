namespace Scorecard.Domain.Dossiers;

public enum PaymentMethod
{
    Online,
    Offline,
}
