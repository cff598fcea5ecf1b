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
        ["@Source", "@Id", "@DossierCode", "@Type", "@At", "@ProcedureCode", "@UnitCode", "@Channel", "@DueAt", "@Digitised",
         "@PopulationDbUsed", "@FeeRequired", "@PaymentMethod", "@Amount", "@ElectronicResult", "@KeyId", "@SenderScope", "@StoredAt", "@Seq"];

    public static readonly string[] DossierParameters = DossierColumns.Values.Split(", ");

    public static readonly string[] FactParameters = ["@UnitId", "@Day", .. FactColumns.Values.Split(", ")];

    public static void BindEvent(SqliteStatement s, DossierEvent e, string? keyId, string storedAt, long sequence)
    {
        s.Bind(1, e.Source);
        s.Bind(2, e.Id);
        s.Bind(3, e.DossierCode);
        s.Bind(4, WireName.Of(e.Type));
        s.Bind(5, DapperTypeHandlers.FormatInstant(e.At));
        s.Bind(6, e.ProcedureCode);
        s.Bind(7, e.UnitCode);
        s.Bind(8, e.Channel is { } channel ? WireName.Of(channel) : null);
        s.Bind(9, e.DueAt is { } due ? DapperTypeHandlers.FormatInstant(due) : null);
        s.Bind(10, e.Digitised);
        s.Bind(11, e.PopulationDbUsed);
        s.Bind(12, e.FeeRequired);
        s.Bind(13, e.PaymentMethod is { } method ? WireName.Of(method) : null);
        s.Bind(14, e.Amount);
        s.Bind(15, e.ElectronicResult);
        s.Bind(16, keyId);
        s.Bind(17, e.SenderScope);
        s.Bind(18, storedAt);
        s.Bind(19, sequence);
    }

    public static void BindDossier(SqliteStatement s, DossierRow row)
    {
        s.Bind(1, row.Source);
        s.Bind(2, row.Code);
        s.Bind(3, row.ProcedureId);
        s.Bind(4, row.UnitId);
        s.Bind(5, row.Channel);
        s.Bind(6, row.Status);
        s.Bind(7, DapperTypeHandlers.FormatInstant(row.ReceivedAt));
        s.Bind(8, Instant(row.DueAt));
        s.Bind(9, Instant(row.FinishedAt));
        s.Bind(10, row.FinishKind);
        s.Bind(11, Instant(row.ReturnedAt));
        s.Bind(12, row.Timeliness);
        s.Bind(13, row.SupplementCount);
        s.Bind(14, row.SupplementSeconds);
        s.Bind(15, Instant(row.SupplementOpenSince));
        s.Bind(16, row.FeeRequired);
        s.Bind(17, row.PaidOnline);
        s.Bind(18, row.AmountPaid);
        s.Bind(19, row.Digitised);
        s.Bind(20, row.ElectronicResult);
        s.Bind(21, row.PopulationDbUsed);
        s.Bind(22, row.OnlineEligible);
        s.Bind(23, row.PersonApplicant);
        s.Bind(24, row.Violation);
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
