using System.Globalization;
using Microsoft.Data.Sqlite;
using Scorecard.Bench.Support;

namespace Scorecard.Bench.Crash;

/// <summary>
/// The projections the crashed service left against a full rebuild from the event log: every row of
/// dossiers, daily_facts and monthly_facts, every column, before and after the <c>rebuild</c> verb.
/// </summary>
internal sealed record ProjectionCheck(IReadOnlyList<(string Table, int Rows)> Tables, IReadOnlyList<string> Mismatches)
{
    private const int MismatchesShown = 10;

    /// <summary>Each table with its key: the leading columns that identify a row.</summary>
    private static readonly (string Table, string Key, int KeyColumns)[] Projections =
    [
        ("dossiers", "source, code", 2),
        ("daily_facts", "unit_id, day", 2),
        ("monthly_facts", "unit_id, month", 2),
    ];

    public bool Equal => Mismatches.Count == 0;

    /// <summary>Dumps the projections, runs the rebuild verb (the service must be stopped), dumps again and
    /// compares.</summary>
    public static async Task<ProjectionCheck> RunAsync(string database)
    {
        var before = new List<TableRows>();
        foreach (var (table, key, keyColumns) in Projections)
        {
            before.Add(await DumpAsync(database, table, key, keyColumns).ConfigureAwait(false));
        }

        SqliteConnection.ClearAllPools();
        await ApiProcess.RunVerbAsync(database, "rebuild").ConfigureAwait(false);

        var tables = new List<(string, int)>();
        var mismatches = new List<string>();
        for (var i = 0; i < Projections.Length; i++)
        {
            var (table, key, keyColumns) = Projections[i];
            var after = await DumpAsync(database, table, key, keyColumns).ConfigureAwait(false);
            tables.Add((table, after.Rows.Count));
            foreach (var k in before[i].Rows.Keys.Union(after.Rows.Keys).Order(StringComparer.Ordinal))
            {
                if (
                    Difference(after.Columns, before[i].Rows.GetValueOrDefault(k), after.Rows.GetValueOrDefault(k)) is
                    { } difference
                )
                {
                    mismatches.Add($"{table} [{k}]: {difference}");
                }
            }
        }

        SqliteConnection.ClearAllPools();
        return new ProjectionCheck(tables, mismatches);
    }

    public IEnumerable<string> Shown() =>
        Mismatches
            .Take(MismatchesShown)
            .Concat(Mismatches.Count > MismatchesShown ? [$"… and {Mismatches.Count - MismatchesShown} more"] : []);

    /// <summary>The columns where the service's row and the rebuilt row differ, or the row only one of them
    /// has.</summary>
    private static string? Difference(IReadOnlyList<string> columns, string[]? service, string[]? rebuild)
    {
        if (service is null || rebuild is null)
        {
            return service is null
                ? $"no row from the service, rebuild has {string.Join('|', rebuild!)}"
                : $"the service has {string.Join('|', service)}, rebuild has no row";
        }

        var differing = Enumerable
            .Range(0, columns.Count)
            .Where(i => service[i] != rebuild[i])
            .Select(i => $"{columns[i]} service {service[i]} / rebuild {rebuild[i]}")
            .ToList();
        return differing.Count == 0 ? null : string.Join("; ", differing);
    }

    /// <summary>Every row as text, every column, by key.</summary>
    private static async Task<TableRows> DumpAsync(string database, string table, string key, int keyColumns)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // Every column, including any a later migration adds: the point of the dump. The names are the constants above.
        command.CommandText = $"SELECT * FROM {table} ORDER BY {key}";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var values = Enumerable
                .Range(0, reader.FieldCount)
                .Select(i =>
                    reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!
                )
                .ToArray();
            rows.Add(string.Join('|', values.Take(keyColumns)), values);
        }

        return new TableRows(columns, rows);
    }

    private sealed record TableRows(IReadOnlyList<string> Columns, Dictionary<string, string[]> Rows);
}
