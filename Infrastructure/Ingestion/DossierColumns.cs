namespace Scorecard.Infrastructure.Ingestion;

/// <summary>The columns of <c>dossiers</c>, listed once for every statement that writes or reads a whole row.</summary>
internal static class DossierColumns
{
    public const string Select = """
        source AS Source,
        code AS Code,
        procedure_id AS ProcedureId,
        unit_id AS UnitId,
        channel AS Channel,
        status AS Status,
        received_at AS ReceivedAt,
        due_at AS DueAt,
        finished_at AS FinishedAt,
        finish_kind AS FinishKind,
        returned_at AS ReturnedAt,
        timeliness AS Timeliness,
        supplement_count AS SupplementCount,
        supplement_seconds AS SupplementSeconds,
        supplement_open_since AS SupplementOpenSince,
        fee_required AS FeeRequired,
        paid_online AS PaidOnline,
        amount_paid AS AmountPaid,
        digitised AS Digitised,
        electronic_result AS ElectronicResult,
        population_db_used AS PopulationDbUsed,
        online_eligible AS OnlineEligible,
        person_applicant AS PersonApplicant,
        violation AS Violation
        """;

    public const string Insert = "source, code, procedure_id, unit_id, channel, status, received_at, due_at, finished_at, finish_kind, returned_at, timeliness, supplement_count, supplement_seconds, supplement_open_since, fee_required, paid_online, amount_paid, digitised, electronic_result, population_db_used, online_eligible, person_applicant, violation";

    public const string Values = "@Source, @Code, @ProcedureId, @UnitId, @Channel, @Status, @ReceivedAt, @DueAt, @FinishedAt, @FinishKind, @ReturnedAt, @Timeliness, @SupplementCount, @SupplementSeconds, @SupplementOpenSince, @FeeRequired, @PaidOnline, @AmountPaid, @Digitised, @ElectronicResult, @PopulationDbUsed, @OnlineEligible, @PersonApplicant, @Violation";

    /// <summary>
    /// SQLite upsert: the columns that can change once a dossier exists. Unit, procedure, channel and
    /// receivedAt come from its only <c>received</c> event and never change, so their indexes are left alone.
    /// </summary>
    public const string UpdateFromExcluded = "status = excluded.status, due_at = excluded.due_at, finished_at = excluded.finished_at, finish_kind = excluded.finish_kind, returned_at = excluded.returned_at, timeliness = excluded.timeliness, supplement_count = excluded.supplement_count, supplement_seconds = excluded.supplement_seconds, supplement_open_since = excluded.supplement_open_since, fee_required = excluded.fee_required, paid_online = excluded.paid_online, amount_paid = excluded.amount_paid, digitised = excluded.digitised, electronic_result = excluded.electronic_result, population_db_used = excluded.population_db_used, online_eligible = excluded.online_eligible, person_applicant = excluded.person_applicant, violation = excluded.violation";

    /// <summary>SQL Server: the same columns, set from the staged row <c>s</c> (an <c>UPDATE … FROM … #dossiers s</c>).</summary>
    public const string UpdateFromStaged = "status = s.status, due_at = s.due_at, finished_at = s.finished_at, finish_kind = s.finish_kind, returned_at = s.returned_at, timeliness = s.timeliness, supplement_count = s.supplement_count, supplement_seconds = s.supplement_seconds, supplement_open_since = s.supplement_open_since, fee_required = s.fee_required, paid_online = s.paid_online, amount_paid = s.amount_paid, digitised = s.digitised, electronic_result = s.electronic_result, population_db_used = s.population_db_used, online_eligible = s.online_eligible, person_applicant = s.person_applicant, violation = s.violation";
}
