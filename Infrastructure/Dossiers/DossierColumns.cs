using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Dossiers;

/// <summary>
/// The columns of <c>dossiers</c>, the one list of them (<see cref="DossierRow"/> has a member of each
/// name): every statement, binder and staging table that writes or reads a whole row derives from it.
/// Source, code, unit, procedure, channel and receivedAt come from the dossier's only <c>received</c>
/// event and never change, so upserts leave them (and their indexes) alone.
/// </summary>
internal static class DossierColumns
{
    public static TableColumns<DossierRow> Table { get; } =
        new([
            TableColumn<DossierRow>.Text("source", r => r.Source, fixedOnceWritten: true),
            TableColumn<DossierRow>.Text("code", r => r.Code, fixedOnceWritten: true),
            TableColumn<DossierRow>.Int32("procedure_id", r => r.ProcedureId, fixedOnceWritten: true),
            TableColumn<DossierRow>.Int32("unit_id", r => r.UnitId, fixedOnceWritten: true),
            TableColumn<DossierRow>.Text("channel", r => r.Channel, fixedOnceWritten: true),
            TableColumn<DossierRow>.Text("status", r => r.Status),
            TableColumn<DossierRow>.Instant("received_at", r => r.ReceivedAt, fixedOnceWritten: true),
            TableColumn<DossierRow>.Instant("due_at", r => r.DueAt),
            TableColumn<DossierRow>.Instant("finished_at", r => r.FinishedAt),
            TableColumn<DossierRow>.Text("finish_kind", r => r.FinishKind),
            TableColumn<DossierRow>.Instant("returned_at", r => r.ReturnedAt),
            TableColumn<DossierRow>.Text("timeliness", r => r.Timeliness),
            TableColumn<DossierRow>.Int32("supplement_count", r => r.SupplementCount),
            TableColumn<DossierRow>.Int64("supplement_seconds", r => r.SupplementSeconds),
            TableColumn<DossierRow>.Instant("supplement_open_since", r => r.SupplementOpenSince),
            TableColumn<DossierRow>.Flag("fee_required", r => r.FeeRequired),
            TableColumn<DossierRow>.Flag("paid_online", r => r.PaidOnline),
            TableColumn<DossierRow>.Int64("amount_paid", r => r.AmountPaid),
            TableColumn<DossierRow>.Flag("digitised", r => r.Digitised),
            TableColumn<DossierRow>.Flag("electronic_result", r => r.ElectronicResult),
            TableColumn<DossierRow>.Flag("population_db_used", r => r.PopulationDbUsed),
            TableColumn<DossierRow>.Flag("online_eligible", r => r.OnlineEligible),
            TableColumn<DossierRow>.Flag("person_applicant", r => r.PersonApplicant),
            TableColumn<DossierRow>.Flag("violation", r => r.Violation),
            TableColumn<DossierRow>.Flag("paper_result", r => r.PaperResult),
            TableColumn<DossierRow>.Flag("full_online_eligible", r => r.FullOnlineEligible),
            TableColumn<DossierRow>.Flag("fee_waived", r => r.FeeWaived),
            TableColumn<DossierRow>.Flag("reused_digitised_data", r => r.ReusedDigitisedData),
            TableColumn<DossierRow>.Flag("from_personal_data_store", r => r.FromPersonalDataStore),
            TableColumn<DossierRow>.Flag("vneid_authenticated", r => r.VneidAuthenticated),
            TableColumn<DossierRow>.Flag("complaint", r => r.Complaint),
            TableColumn<DossierRow>.Instant("ended_at", r => r.EndedAt),
            TableColumn<DossierRow>.Flag("ended_in_time", r => r.EndedInTime),
            TableColumn<DossierRow>.Text("procedure_level", r => r.ProcedureLevel),
        ]);
}
