using System.Data;
using Microsoft.Data.SqlClient;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Wire;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The #temp tables a SQL Server ingestion session stages its writes in, and the rows it copies there
/// with <see cref="SqlBulkCopy"/> inside its transaction. Each table is created by <c>SELECT TOP (0) … INTO</c>
/// from the table it feeds, so its types, lengths and collations are those of the migrations; the
/// column names of the rows below are the same (a test compares them with the migration scripts).
/// </summary>
internal static class SqlServerStaging
{
    public const string Events = "#events";
    public const string Dossiers = "#dossiers";
    public const string DayFacts = "#day_facts";
    public const string MonthFacts = "#month_facts";

    /// <summary>The columns of <c>dossier_events</c> an append writes (seq is the table's identity).</summary>
    public const string EventColumns = "source, id, dossier_code, type, at, procedure_code, unit_code, channel, due_at, digitised, population_db_used, fee_required, payment_method, amount, electronic_result, key_id, sender_scope, stored_at";

    /// <summary>
    /// Once per session, without parameters: it then runs as a batch of its own (not through sp_executesql),
    /// so the tables live as long as the connection. <c>ord</c> is the arrival order within the session:
    /// the log's identity is assigned in that order when the staged events are inserted.
    /// </summary>
    public const string CreateSql = $"""
        SELECT TOP (0) CAST(0 AS int) AS ord, {EventColumns} INTO #events FROM dossier_events;
        SELECT TOP (0) {DossierColumns.Insert} INTO #dossiers FROM dossiers;
        SELECT TOP (0) unit_id, day, {FactColumns.Names} INTO #day_facts FROM daily_facts;
        SELECT TOP (0) unit_id, month, {FactColumns.Names} INTO #month_facts FROM monthly_facts;
        """;

    public static DataTable EventTable() => Table(Events,
        ("ord", typeof(int)), ("source", typeof(string)), ("id", typeof(string)), ("dossier_code", typeof(string)), ("type", typeof(string)), ("at", typeof(DateTimeOffset)),
        ("procedure_code", typeof(string)), ("unit_code", typeof(string)), ("channel", typeof(string)), ("due_at", typeof(DateTimeOffset)),
        ("digitised", typeof(bool)), ("population_db_used", typeof(bool)), ("fee_required", typeof(bool)), ("payment_method", typeof(string)),
        ("amount", typeof(long)), ("electronic_result", typeof(bool)), ("key_id", typeof(string)), ("sender_scope", typeof(string)),
        ("stored_at", typeof(DateTimeOffset)));

    public static DataTable DossierTable() => Table(Dossiers,
        ("source", typeof(string)), ("code", typeof(string)), ("procedure_id", typeof(int)), ("unit_id", typeof(int)), ("channel", typeof(string)), ("status", typeof(string)),
        ("received_at", typeof(DateTimeOffset)), ("due_at", typeof(DateTimeOffset)), ("finished_at", typeof(DateTimeOffset)), ("finish_kind", typeof(string)),
        ("returned_at", typeof(DateTimeOffset)), ("timeliness", typeof(string)), ("supplement_count", typeof(int)), ("supplement_seconds", typeof(long)),
        ("supplement_open_since", typeof(DateTimeOffset)), ("fee_required", typeof(bool)), ("paid_online", typeof(bool)), ("amount_paid", typeof(long)),
        ("digitised", typeof(bool)), ("electronic_result", typeof(bool)), ("population_db_used", typeof(bool)), ("online_eligible", typeof(bool)),
        ("person_applicant", typeof(bool)), ("violation", typeof(bool)));

    /// <param name="table"><see cref="DayFacts"/> (key column <c>day</c>) or <see cref="MonthFacts"/> (<c>month</c>).</param>
    public static DataTable FactTable(string table) => Table(table,
        ("unit_id", typeof(int)), (table == MonthFacts ? "month" : "day", typeof(DateTime)),
        ("received", typeof(long)), ("digitised", typeof(long)), ("online_eligible", typeof(long)), ("online", typeof(long)), ("fee_required", typeof(long)),
        ("paid_online", typeof(long)), ("person_applicant", typeof(long)), ("population_db_used", typeof(long)), ("violations", typeof(long)),
        ("finished", typeof(long)), ("finished_on_time", typeof(long)), ("resolved_or_returned", typeof(long)), ("electronic_result", typeof(long)));

    /// <summary>Instants are stored in UTC (what the Dapper handler does for parameters).</summary>
    public static void AddEvent(DataTable table, int ord, DossierEvent e, string? keyId, DateTimeOffset storedAt) => table.Rows.Add(
        ord, e.Source, e.Id, e.DossierCode, WireName.Of(e.Type), e.At.ToUniversalTime(), Db(e.ProcedureCode), Db(e.UnitCode),
        e.Channel is { } channel ? WireName.Of(channel) : DBNull.Value, Db(e.DueAt?.ToUniversalTime()), Db(e.Digitised), Db(e.PopulationDbUsed),
        Db(e.FeeRequired), e.PaymentMethod is { } method ? WireName.Of(method) : DBNull.Value, Db(e.Amount), Db(e.ElectronicResult),
        Db(keyId), Db(e.SenderScope), storedAt.ToUniversalTime());

    public static void AddDossier(DataTable table, DossierRow row) => table.Rows.Add(
        row.Source, row.Code, row.ProcedureId, row.UnitId, row.Channel, row.Status, row.ReceivedAt.ToUniversalTime(), Db(row.DueAt?.ToUniversalTime()),
        Db(row.FinishedAt?.ToUniversalTime()), Db(row.FinishKind), Db(row.ReturnedAt?.ToUniversalTime()), Db(row.Timeliness), row.SupplementCount,
        row.SupplementSeconds, Db(row.SupplementOpenSince?.ToUniversalTime()), row.FeeRequired, row.PaidOnline, row.AmountPaid, row.Digitised,
        row.ElectronicResult, row.PopulationDbUsed, row.OnlineEligible, row.PersonApplicant, row.Violation);

    public static void AddFacts(DataTable table, int unitId, DateOnly key, FactCounts c) => table.Rows.Add(
        unitId, key.ToDateTime(TimeOnly.MinValue), c.Received, c.Digitised, c.OnlineEligible, c.Online, c.FeeRequired, c.PaidOnline,
        c.PersonApplicant, c.PopulationDbUsed, c.Violations, c.Finished, c.FinishedOnTime, c.ResolvedOrReturned, c.ElectronicResult);

    /// <summary>Copies the rows into the #temp table of the same name, column by name, inside the transaction.</summary>
    public static async Task CopyAsync(SqlConnection connection, SqlTransaction transaction, DataTable rows, CancellationToken ct)
    {
        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction) { DestinationTableName = rows.TableName };
        foreach (DataColumn column in rows.Columns)
        {
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await copy.WriteToServerAsync(rows, ct).ConfigureAwait(false);
    }

    private static DataTable Table(string name, params (string Name, Type Type)[] columns)
    {
        var table = new DataTable(name) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var (column, type) in columns)
        {
            table.Columns.Add(column, type);
        }

        return table;
    }

    private static object Db<T>(T? value) where T : struct => value is { } v ? v : DBNull.Value;

    private static object Db(string? value) => value is null ? DBNull.Value : value;
}
