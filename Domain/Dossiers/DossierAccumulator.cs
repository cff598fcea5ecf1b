using Scorecard.Domain.Procedures;

namespace Scorecard.Domain.Dossiers;

/// <summary>Applies events in order to the simple fields of a dossier; flags are sticky (once true, true).</summary>
internal sealed class DossierAccumulator(DossierEvent received, Procedure? procedure)
{
    private bool paidOnline;
    private long amountPaid;
    private bool digitised;
    private bool populationDbUsed;
    private bool electronicResult;
    private DateTimeOffset? returnedAt;
    private DateTimeOffset? resultIssuedAt;

    /// <summary>The last dueAt given, by event order, with the position of the event that gave it.</summary>
    public (DateTimeOffset At, int Index)? LatestDue { get; private set; }

    public void Apply(DossierEvent e, int index)
    {
        if (e.DueAt is { } due)
        {
            LatestDue = (due, index);
        }

        digitised |= e.Digitised == true || e.Type == DossierEventType.Digitised;
        populationDbUsed |= e.PopulationDbUsed == true || e.Type == DossierEventType.PopulationDbUsed;
        switch (e.Type)
        {
            case DossierEventType.Paid:
                paidOnline |= e.PaymentMethod == PaymentMethod.Online;
                amountPaid += e.Amount ?? 0;
                break;
            case DossierEventType.Resolved or DossierEventType.Returned or DossierEventType.ResultIssued:
                electronicResult |= e.ElectronicResult == true;
                returnedAt ??= e.Type == DossierEventType.Returned ? e.At : null;
                resultIssuedAt ??= e.Type == DossierEventType.ResultIssued ? e.At : null;
                break;
            default:
                break;
        }
    }

    public DossierState ToState() => new()
    {
        DossierCode = received.DossierCode,
        ProcedureCode = received.ProcedureCode,
        UnitCode = received.UnitCode,
        Channel = received.Channel,
        ReceivedAt = received.At.ToUniversalTime(),
        FeeRequired = received.FeeRequired ?? procedure?.HasFee ?? false,
        PaidOnline = paidOnline,
        AmountPaid = amountPaid,
        Digitised = digitised,
        PopulationDbUsed = populationDbUsed,
        ElectronicResult = electronicResult,
        ReturnedAt = returnedAt?.ToUniversalTime(),
        ResultIssuedAt = resultIssuedAt?.ToUniversalTime(),
    };
}
