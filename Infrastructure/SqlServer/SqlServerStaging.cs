using System.Data;
using Microsoft.Data.SqlClient;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Infrastructure.SqlServer;

/// <summary>
/// The #temp tables a SQL Server ingestion session stages its writes in, and the rows it copies there
/// with <see cref="SqlBulkCopy"/> inside its transaction. Each table is created by <c>SELECT TOP (0) … INTO</c>
/// from the table it feeds, so its types, lengths and collations are those of the migrations; its rows
/// come from the same column definitions as every other statement (a test compares them with the migrations).
/// </summary>
internal static class SqlServerStaging
{
    public const string Events = "#events";
    public const string Dossiers = "#dossiers";
    public const string DayFacts = "#day_facts";
    public const string MonthFacts = "#month_facts";

    /// <summary>
    /// Once per session, without parameters: it then runs as a batch of its own (not through sp_executesql),
    /// so the tables live as long as the connection. <c>ord</c> is the arrival order within the session:
    /// the log's identity (<c>seq</c>) is assigned in that order when the staged events are inserted.
    /// </summary>
    public static readonly string CreateSql = $"""
        SELECT TOP (0) CAST(0 AS int) AS ord, {EventColumns.Table.Names} INTO #events FROM dossier_events;
        SELECT TOP (0) {DossierColumns.Table.Names} INTO #dossiers FROM dossiers;
        SELECT TOP (0) {FactColumns.Daily.Names} INTO #day_facts FROM daily_facts;
        SELECT TOP (0) {FactColumns.Monthly.Names} INTO #month_facts FROM monthly_facts;
        """;

    public static DataTable EventTable() => EventColumns.Table.StagingTable(Events, ("ord", typeof(int)));

    public static DataTable DossierTable() => DossierColumns.Table.StagingTable(Dossiers);

    /// <param name="table"><see cref="DayFacts"/> or <see cref="MonthFacts"/>.</param>
    public static DataTable FactTable(string table) => FactsOf(table).StagingTable(table);

    public static void AddEvent(DataTable table, int ord, AppendedEvent appended) =>
        EventColumns.Table.AddStaged(table, appended, ord);

    public static void AddDossier(DataTable table, DossierRow row) => DossierColumns.Table.AddStaged(table, row);

    public static void AddFacts(DataTable table, FactRow row) => FactsOf(table.TableName).AddStaged(table, row);

    /// <summary>Copies the rows into the #temp table of the same name, column by name, inside the
    /// transaction.</summary>
    public static async Task CopyAsync(
        SqlConnection connection,
        SqlTransaction transaction,
        DataTable rows,
        CancellationToken ct
    )
    {
        using var copy = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction)
        {
            DestinationTableName = rows.TableName,
        };
        foreach (DataColumn column in rows.Columns)
        {
            copy.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await copy.WriteToServerAsync(rows, ct).ConfigureAwait(false);
    }

    private static Database.TableColumns<FactRow> FactsOf(string table) =>
        table == MonthFacts ? FactColumns.Monthly : FactColumns.Daily;
}
