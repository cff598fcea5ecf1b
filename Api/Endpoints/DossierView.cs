using Scorecard.Domain.Dossiers;

namespace Scorecard.Api.Endpoints;

/// <summary>A dossier folded from its source's events, with its timeliness as of the request.</summary>
internal sealed record DossierView(
    string Source,
    string Code,
    string? ProcedureCode,
    string? UnitCode,
    Channel? Channel,
    DossierStatus Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? DueAt,
    int SupplementCount,
    TimeSpan SupplementDuration,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? ReturnedAt,
    bool FeeRequired,
    bool PaidOnline,
    long AmountPaid,
    bool Digitised,
    bool ElectronicResult,
    bool PopulationDbUsed,
    Timeliness? Timeliness,
    DateTimeOffset? ApologyDueAt,
    long? FeeAmount,
    bool ReusedDigitisedData,
    bool FromPersonalDataStore,
    bool VneidAuthenticated,
    bool PaidOnPortal,
    bool Complaint
)
{
    public static DossierView From(string source, DossierState s, Timeliness? timeliness) =>
        new(
            source,
            s.DossierCode,
            s.ProcedureCode,
            s.UnitCode,
            s.Channel,
            s.Status,
            s.ReceivedAt,
            s.DueAt,
            s.SupplementCount,
            s.SupplementDuration,
            s.FinishedAt,
            s.ReturnedAt,
            s.FeeRequired,
            s.PaidOnline,
            s.AmountPaid,
            s.Digitised,
            s.ElectronicResult,
            s.PopulationDbUsed,
            timeliness,
            s.ApologyDueAt,
            s.FeeAmount,
            s.ReusedDigitisedData,
            s.FromPersonalDataStore,
            s.VneidAuthenticated,
            s.PaidOnPortal,
            s.Complaint
        );
}

/// <summary>
/// An event as stored: what the integrator sent, the fields its type carries, and when it was stored.
/// <c>Applied</c> is false for an event its dossier's fold leaves out: sent before the received by a key
/// whose scope does not hold the receiving unit.
/// </summary>
internal sealed record EventView(
    long Sequence,
    string Source,
    string Id,
    DossierEventType Type,
    DateTimeOffset At,
    string? ProcedureCode,
    string? UnitCode,
    Channel? Channel,
    DateTimeOffset? DueAt,
    DueChangeReason? Reason,
    bool? Digitised,
    bool? PopulationDbUsed,
    bool? FeeRequired,
    PaymentMethod? Method,
    long? Amount,
    bool? ElectronicResult,
    DateTimeOffset StoredAt,
    bool Applied,
    string? NotAppliedReason
)
{
    public static EventView From(Infrastructure.Dossiers.StoredEvent stored, bool applied)
    {
        var e = stored.Event;
        return new EventView(
            e.Sequence,
            e.Source,
            e.Id,
            e.Type,
            e.At,
            e.ProcedureCode,
            e.UnitCode,
            e.Channel,
            e.DueAt,
            e.Reason,
            e.Digitised,
            e.PopulationDbUsed,
            e.FeeRequired,
            e.PaymentMethod,
            e.Amount,
            e.ElectronicResult,
            stored.StoredAt,
            applied,
            applied
                ? null
                : $"Sent before the dossier was received, with a key limited to '{e.SenderScope}', whose "
                    + $"subtree does not hold the receiving unit."
        );
    }
}
