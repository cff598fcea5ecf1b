using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Wire;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>A row of <c>dossier_events</c> as read back (<see cref="EventColumns.Select"/>).</summary>
internal class EventRow
{
    public long Seq { get; init; }
    public string Source { get; init; } = "";
    public string Id { get; init; } = "";
    public string DossierCode { get; init; } = "";
    public string Type { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public string? ProcedureCode { get; init; }
    public string? UnitCode { get; init; }
    public string? Channel { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public bool? Digitised { get; init; }
    public bool? PopulationDbUsed { get; init; }
    public bool? FeeRequired { get; init; }
    public string? PaymentMethod { get; init; }
    public long? Amount { get; init; }
    public bool? ElectronicResult { get; init; }
    public string? KeyId { get; init; }
    public string? SenderScope { get; init; }
    public DateTimeOffset StoredAt { get; init; }
    public string? Reason { get; init; }
    public long? FeeAmount { get; init; }
    public bool? ReusedDigitisedData { get; init; }
    public bool? FromPersonalDataStore { get; init; }
    public bool? VneidAuthenticated { get; init; }
    public string? PaidVia { get; init; }
    public bool? Satisfied { get; init; }

    public DossierEvent ToEvent() =>
        new(Id, DossierCode, WireName.Parse<DossierEventType>(Type), At, Seq)
        {
            Source = Source,
            SenderScope = SenderScope,
            ProcedureCode = ProcedureCode,
            UnitCode = UnitCode,
            Channel = Channel is null ? null : WireName.Parse<Channel>(Channel),
            DueAt = DueAt,
            Digitised = Digitised,
            PopulationDbUsed = PopulationDbUsed,
            FeeRequired = FeeRequired,
            PaymentMethod = PaymentMethod is null ? null : WireName.Parse<PaymentMethod>(PaymentMethod),
            Amount = Amount,
            ElectronicResult = ElectronicResult,
            Reason = Reason is null ? null : WireName.Parse<DueChangeReason>(Reason),
            FeeAmount = FeeAmount,
            ReusedDigitisedData = ReusedDigitisedData,
            FromPersonalDataStore = FromPersonalDataStore,
            VneidAuthenticated = VneidAuthenticated,
            PaidVia = PaidVia is null ? null : WireName.Parse<PaymentChannel>(PaidVia),
            Satisfied = Satisfied,
        };

    /// <summary>Rows of several dossiers as each dossier's events, by <see cref="DossierKey"/>.</summary>
    public static Dictionary<string, List<DossierEvent>> ByDossier(IEnumerable<EventRow> rows) =>
        rows.GroupBy(r => DossierKey.Of(r.Source, r.DossierCode), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ToEvent()).ToList(), StringComparer.Ordinal);
}
