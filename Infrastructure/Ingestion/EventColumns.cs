using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The columns of <c>dossier_events</c> an append writes, the one list of them (<see cref="EventRow"/>
/// has a member of each name, and <c>seq</c>, the arrival order, besides).
/// </summary>
internal static class EventColumns
{
    public static TableColumns<AppendedEvent> Table { get; } =
        new([
            TableColumn<AppendedEvent>.Text("source", a => a.Event.Source),
            TableColumn<AppendedEvent>.Text("id", a => a.Event.Id),
            TableColumn<AppendedEvent>.Text("dossier_code", a => a.Event.DossierCode),
            TableColumn<AppendedEvent>.Text("type", a => WireName.Of(a.Event.Type)),
            TableColumn<AppendedEvent>.Instant("at", a => a.Event.At),
            TableColumn<AppendedEvent>.Text("procedure_code", a => a.Event.ProcedureCode),
            TableColumn<AppendedEvent>.Text("unit_code", a => a.Event.UnitCode),
            TableColumn<AppendedEvent>.Text("channel", a =>
                a.Event.Channel is { } channel ? WireName.Of(channel) : null
            ),
            TableColumn<AppendedEvent>.Instant("due_at", a => a.Event.DueAt),
            TableColumn<AppendedEvent>.Flag("digitised", a => a.Event.Digitised),
            TableColumn<AppendedEvent>.Flag("population_db_used", a => a.Event.PopulationDbUsed),
            TableColumn<AppendedEvent>.Flag("fee_required", a => a.Event.FeeRequired),
            TableColumn<AppendedEvent>.Text("payment_method", a =>
                a.Event.PaymentMethod is { } method ? WireName.Of(method) : null
            ),
            TableColumn<AppendedEvent>.Int64("amount", a => a.Event.Amount),
            TableColumn<AppendedEvent>.Flag("electronic_result", a => a.Event.ElectronicResult),
            TableColumn<AppendedEvent>.Text("key_id", a => a.KeyId),
            TableColumn<AppendedEvent>.Text("sender_scope", a => a.Event.SenderScope),
            TableColumn<AppendedEvent>.Instant("stored_at", a => a.StoredAt),
            TableColumn<AppendedEvent>.Text("reason", a => a.Event.Reason is { } reason ? WireName.Of(reason) : null),
            TableColumn<AppendedEvent>.Int64("fee_amount", a => a.Event.FeeAmount),
            TableColumn<AppendedEvent>.Flag("reused_digitised_data", a => a.Event.ReusedDigitisedData),
            TableColumn<AppendedEvent>.Flag("from_personal_data_store", a => a.Event.FromPersonalDataStore),
            TableColumn<AppendedEvent>.Flag("vneid_authenticated", a => a.Event.VneidAuthenticated),
            TableColumn<AppendedEvent>.Text("paid_via", a => a.Event.PaidVia is { } via ? WireName.Of(via) : null),
            TableColumn<AppendedEvent>.Flag("satisfied", a => a.Event.Satisfied),
        ]);

    /// <summary>A whole stored row for <see cref="EventRow"/>: the arrival sequence, then every appended
    /// column.</summary>
    public static string Select { get; } = "seq AS Seq, " + Table.Select;
}

/// <summary>An event as appended: what was sent, by which key (null: the bootstrap key), and when it was
/// stored.</summary>
internal readonly record struct AppendedEvent(DossierEvent Event, string? KeyId, DateTimeOffset StoredAt);
