using System.Data.Common;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>The columns of <c>dossiers</c>, listed once for every statement that writes or reads a whole row.</summary>
internal static class DossierColumns
{
    public const string Select = """
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

    public const string Insert = "code, procedure_id, unit_id, channel, status, received_at, due_at, finished_at, finish_kind, returned_at, timeliness, supplement_count, supplement_seconds, supplement_open_since, fee_required, paid_online, amount_paid, digitised, electronic_result, population_db_used, online_eligible, person_applicant, violation";

    public const string Values = "@Code, @ProcedureId, @UnitId, @Channel, @Status, @ReceivedAt, @DueAt, @FinishedAt, @FinishKind, @ReturnedAt, @Timeliness, @SupplementCount, @SupplementSeconds, @SupplementOpenSince, @FeeRequired, @PaidOnline, @AmountPaid, @Digitised, @ElectronicResult, @PopulationDbUsed, @OnlineEligible, @PersonApplicant, @Violation";

    /// <summary>SQLite upsert: every column but the key from the row that conflicted.</summary>
    public const string UpdateFromExcluded = "procedure_id = excluded.procedure_id, unit_id = excluded.unit_id, channel = excluded.channel, status = excluded.status, received_at = excluded.received_at, due_at = excluded.due_at, finished_at = excluded.finished_at, finish_kind = excluded.finish_kind, returned_at = excluded.returned_at, timeliness = excluded.timeliness, supplement_count = excluded.supplement_count, supplement_seconds = excluded.supplement_seconds, supplement_open_since = excluded.supplement_open_since, fee_required = excluded.fee_required, paid_online = excluded.paid_online, amount_paid = excluded.amount_paid, digitised = excluded.digitised, electronic_result = excluded.electronic_result, population_db_used = excluded.population_db_used, online_eligible = excluded.online_eligible, person_applicant = excluded.person_applicant, violation = excluded.violation";

    /// <param name="instant">How the provider wants an instant (UTC text for SQLite, a DateTimeOffset for SQL Server).</param>
    public static void Bind(DbParameterCollection parameters, DossierRow row, Func<DateTimeOffset, object> instant)
    {
        parameters["@Code"].Value = row.Code;
        parameters["@ProcedureId"].Value = row.ProcedureId;
        parameters["@UnitId"].Value = row.UnitId;
        parameters["@Channel"].Value = row.Channel;
        parameters["@Status"].Value = row.Status;
        parameters["@ReceivedAt"].Value = instant(row.ReceivedAt);
        parameters["@DueAt"].Value = row.DueAt is { } dueAt ? instant(dueAt) : DBNull.Value;
        parameters["@FinishedAt"].Value = row.FinishedAt is { } finishedAt ? instant(finishedAt) : DBNull.Value;
        parameters["@FinishKind"].Value = (object?)row.FinishKind ?? DBNull.Value;
        parameters["@ReturnedAt"].Value = row.ReturnedAt is { } returnedAt ? instant(returnedAt) : DBNull.Value;
        parameters["@Timeliness"].Value = (object?)row.Timeliness ?? DBNull.Value;
        parameters["@SupplementCount"].Value = row.SupplementCount;
        parameters["@SupplementSeconds"].Value = row.SupplementSeconds;
        parameters["@SupplementOpenSince"].Value = row.SupplementOpenSince is { } supplementOpenSince ? instant(supplementOpenSince) : DBNull.Value;
        parameters["@FeeRequired"].Value = row.FeeRequired;
        parameters["@PaidOnline"].Value = row.PaidOnline;
        parameters["@AmountPaid"].Value = row.AmountPaid;
        parameters["@Digitised"].Value = row.Digitised;
        parameters["@ElectronicResult"].Value = row.ElectronicResult;
        parameters["@PopulationDbUsed"].Value = row.PopulationDbUsed;
        parameters["@OnlineEligible"].Value = row.OnlineEligible;
        parameters["@PersonApplicant"].Value = row.PersonApplicant;
        parameters["@Violation"].Value = row.Violation;
    }
}
