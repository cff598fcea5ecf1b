using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// Binds the rows the SQLite ingestion session writes, by position, in the parameter order of its
/// statements (event columns, <see cref="DossierColumns.Values"/>, unit and day then
/// <see cref="FactColumns.Values"/>). Instants are stored as UTC text, days as <c>yyyy-MM-dd</c>.
/// </summary>
internal static class SqliteRowBinding
{
    /// <summary>The parameter at each position the binders fill (position 1 first); a test holds every statement to them.</summary>
    public static readonly string[] EventParameters =
        ["@Id", "@DossierCode", "@Type", "@At", "@ProcedureCode", "@UnitCode", "@Channel", "@DueAt", "@Digitised",
         "@PopulationDbUsed", "@FeeRequired", "@PaymentMethod", "@Amount", "@ElectronicResult", "@KeyId", "@StoredAt", "@Seq"];

    public static readonly string[] DossierParameters = DossierColumns.Values.Split(", ");

    public static readonly string[] FactParameters = ["@UnitId", "@Day", .. FactColumns.Values.Split(", ")];

    public static void BindEvent(SqliteStatement s, DossierEvent e, string? keyId, string storedAt, long sequence)
    {
        s.Bind(1, e.Id);
        s.Bind(2, e.DossierCode);
        s.Bind(3, WireName.Of(e.Type));
        s.Bind(4, DapperTypeHandlers.FormatInstant(e.At));
        s.Bind(5, e.ProcedureCode);
        s.Bind(6, e.UnitCode);
        s.Bind(7, e.Channel is { } channel ? WireName.Of(channel) : null);
        s.Bind(8, e.DueAt is { } due ? DapperTypeHandlers.FormatInstant(due) : null);
        s.Bind(9, e.Digitised);
        s.Bind(10, e.PopulationDbUsed);
        s.Bind(11, e.FeeRequired);
        s.Bind(12, e.PaymentMethod is { } method ? WireName.Of(method) : null);
        s.Bind(13, e.Amount);
        s.Bind(14, e.ElectronicResult);
        s.Bind(15, keyId);
        s.Bind(16, storedAt);
        s.Bind(17, sequence);
    }

    public static void BindDossier(SqliteStatement s, DossierRow row)
    {
        s.Bind(1, row.Code);
        s.Bind(2, row.ProcedureId);
        s.Bind(3, row.UnitId);
        s.Bind(4, row.Channel);
        s.Bind(5, row.Status);
        s.Bind(6, DapperTypeHandlers.FormatInstant(row.ReceivedAt));
        s.Bind(7, Instant(row.DueAt));
        s.Bind(8, Instant(row.FinishedAt));
        s.Bind(9, row.FinishKind);
        s.Bind(10, Instant(row.ReturnedAt));
        s.Bind(11, row.Timeliness);
        s.Bind(12, row.SupplementCount);
        s.Bind(13, row.SupplementSeconds);
        s.Bind(14, Instant(row.SupplementOpenSince));
        s.Bind(15, row.FeeRequired);
        s.Bind(16, row.PaidOnline);
        s.Bind(17, row.AmountPaid);
        s.Bind(18, row.Digitised);
        s.Bind(19, row.ElectronicResult);
        s.Bind(20, row.PopulationDbUsed);
        s.Bind(21, row.OnlineEligible);
        s.Bind(22, row.PersonApplicant);
        s.Bind(23, row.Violation);
    }

    /// <summary>The key (unit, day) at positions 1 and 2; the counts, when given, after it.</summary>
    public static void BindFacts(SqliteStatement s, int unitId, DateOnly day, FactCounts? counts)
    {
        s.Bind(1, unitId);
        s.Bind(2, DapperTypeHandlers.FormatDate(day));
        if (counts is not { } c)
        {
            return;
        }

        s.Bind(3, c.Received);
        s.Bind(4, c.Digitised);
        s.Bind(5, c.OnlineEligible);
        s.Bind(6, c.Online);
        s.Bind(7, c.FeeRequired);
        s.Bind(8, c.PaidOnline);
        s.Bind(9, c.PersonApplicant);
        s.Bind(10, c.PopulationDbUsed);
        s.Bind(11, c.Violations);
        s.Bind(12, c.Finished);
        s.Bind(13, c.FinishedOnTime);
        s.Bind(14, c.ResolvedOrReturned);
        s.Bind(15, c.ElectronicResult);
    }

    private static string? Instant(DateTimeOffset? instant) => instant is { } i ? DapperTypeHandlers.FormatInstant(i) : null;
}
