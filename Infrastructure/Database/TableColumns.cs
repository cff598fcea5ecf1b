using System.Data;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Infrastructure.Database;

/// <summary>
/// The columns of one table in order, and everything derived from them: the column lists of selects,
/// inserts and upserts in both dialects, the SQLite binder (by position, in this order) and the SQL
/// Server staging table and rows. Adding a column to a table is adding it here (and a migration).
/// </summary>
internal sealed class TableColumns<TRow>
{
    public TableColumns(IEnumerable<TableColumn<TRow>> columns)
    {
        All = [.. columns];
        Names = string.Join(", ", All.Select(c => c.Name));
        Values = string.Join(", ", Parameters);
        Select = string.Join(", ", All.Select(c => $"{c.Name} AS {c.Member}"));
        var updated = All.Where(c => !c.FixedOnceWritten).ToList();
        UpdateFromExcluded = string.Join(", ", updated.Select(c => $"{c.Name} = excluded.{c.Name}"));
        UpdateFromStaged = string.Join(", ", updated.Select(c => $"{c.Name} = s.{c.Name}"));
    }

    public IReadOnlyList<TableColumn<TRow>> All { get; }

    /// <summary><c>received_at, …</c></summary>
    public string Names { get; }

    /// <summary><c>@ReceivedAt, …</c>: the parameters in binding order.</summary>
    public string Values { get; }

    public IEnumerable<string> Parameters => All.Select(c => "@" + c.Member);

    /// <summary><c>received_at AS ReceivedAt, …</c>: a whole row for Dapper.</summary>
    public string Select { get; }

    /// <summary>SQLite upsert: every column that may change, from <c>excluded</c>.</summary>
    public string UpdateFromExcluded { get; }

    /// <summary>SQL Server <c>UPDATE … FROM … s</c>: every column that may change, from the staged row
    /// <c>s</c>.</summary>
    public string UpdateFromStaged { get; }

    /// <summary>Binds the row to positions <paramref name="first"/>, <paramref name="first"/> + 1, … in column
    /// order.</summary>
    public void Bind(SqliteStatement statement, TRow row, int first = 1)
    {
        ArgumentNullException.ThrowIfNull(statement);
        for (var i = 0; i < All.Count; i++)
        {
            All[i].Bind(statement, first + i, row);
        }
    }

    /// <summary>A DataTable for the #temp table <paramref name="name"/>: the leading columns given, then
    /// these.</summary>
    public DataTable StagingTable(string name, params (string Name, Type Type)[] leading)
    {
        var table = new DataTable(name) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var (column, type) in leading)
        {
            table.Columns.Add(column, type);
        }

        foreach (var column in All)
        {
            table.Columns.Add(column.Name, column.StagedType);
        }

        return table;
    }

    /// <summary>Adds the row to a table made by <see cref="StagingTable"/>, after the leading values.</summary>
    public void AddStaged(DataTable table, TRow row, params object[] leading)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(leading);
        var values = new object[leading.Length + All.Count];
        leading.CopyTo(values, 0);
        for (var i = 0; i < All.Count; i++)
        {
            values[leading.Length + i] = All[i].Staged(row);
        }

        table.Rows.Add(values);
    }
}
