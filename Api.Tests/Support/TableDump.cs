namespace Scorecard.Api.Tests.Support;

internal static class TableDump
{
    /// <summary>Every row of a table as text, every column, in key order: equal dumps mean equal tables.</summary>
    public static async Task<List<string>> RowsAsync(ScorecardFactory factory, string table, string orderBy)
    {
        await using var connection = await factory.OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY {orderBy}";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(
                string.Join(
                    "|",
                    Enumerable
                        .Range(0, reader.FieldCount)
                        .Select(i =>
                            reader.IsDBNull(i)
                                ? "∅"
                                : Convert.ToString(
                                    reader.GetValue(i),
                                    System.Globalization.CultureInfo.InvariantCulture
                                )
                        )
                )
            );
        }

        return rows;
    }
}
