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
    private bool paidOnPortal;
    private bool complaint;

    /// <summary>
    /// The last promised time that counts, by event order, with the position from which supplement pauses
    /// still move it: the event's own for a date given with or after a supplement, the reception's for a
    /// correction (it replaces the date given then). Apology dates never count.
    /// </summary>
    public (DateTimeOffset At, int Index)? LatestDue { get; private set; }

    /// <summary>The last date promised with an apology letter (shown; timeliness ignores it).</summary>
    public DateTimeOffset? ApologyDue { get; private set; }

    public void Apply(DossierEvent e, int index, int receivedIndex)
    {
        if (e.DueAt is { } due)
        {
            var reason =
                e.Type == DossierEventType.DueChanged ? e.Reason ?? DueChangeReason.Correction : (DueChangeReason?)null;
            if (reason == DueChangeReason.Apology)
            {
                ApologyDue = due;
            }
            else
            {
                LatestDue = (due, reason == DueChangeReason.Correction ? receivedIndex : index);
            }
        }

        digitised |= e.Digitised == true || e.Type == DossierEventType.Digitised;
        populationDbUsed |= e.PopulationDbUsed == true || e.Type == DossierEventType.PopulationDbUsed;
        switch (e.Type)
        {
            case DossierEventType.Paid:
                paidOnline |= e.PaymentMethod == PaymentMethod.Online;
                paidOnPortal |= e.PaymentMethod == PaymentMethod.Online && e.PaidVia == PaymentChannel.Portal;
                amountPaid += e.Amount ?? 0;
                break;
            case DossierEventType.Resolved or DossierEventType.Returned or DossierEventType.ResultIssued:
                electronicResult |= e.ElectronicResult == true;
                returnedAt ??= e.Type == DossierEventType.Returned ? e.At : null;
                resultIssuedAt ??= e.Type == DossierEventType.ResultIssued ? e.At : null;
                break;
            case DossierEventType.Feedback:
                complaint |= e.Satisfied == false;
                break;
            default:
                break;
        }
    }

    public DossierState ToState() =>
        new()
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
            ApologyDueAt = ApologyDue?.ToUniversalTime(),
            FeeAmount = received.FeeAmount,
            ReusedDigitisedData = received.ReusedDigitisedData == true,
            FromPersonalDataStore = received.FromPersonalDataStore == true,
            VneidAuthenticated = received.VneidAuthenticated == true,
            PaidOnPortal = paidOnPortal,
            Complaint = complaint,
        };
}
