using Microsoft.Data.Sqlite;

namespace Scorecard.Bench.Crash;

/// <summary>
/// The event log against what the clients saw: every acknowledged event is stored, every batch is
/// stored whole by one transaction (one <c>stored_at</c>, consecutive arrival numbers) or not at all,
/// and nothing is stored that no request carried.
/// </summary>
internal sealed record StoredEventCheck(
    long StoredEvents,
    int Lost,
    int BatchesChecked,
    int WholeBatches,
    int AbsentBatches,
    int UnacknowledgedStored,
    int UnacknowledgedAbsent,
    int Stray,
    IReadOnlyList<string> Problems
)
{
    private const string StoredSql = "SELECT id, seq, stored_at FROM dossier_events";

    public bool Passed => Lost == 0 && Stray == 0 && Problems.Count == 0;

    public static async Task<StoredEventCheck> RunAsync(string database, CrashTraffic traffic)
    {
        var stored = await LoadAsync(database).ConfigureAwait(false);
        var problems = new List<string>();
        var lost = traffic.AcknowledgedIds.Where(id => !stored.ContainsKey(id)).ToList();
        problems.AddRange(lost.Take(5).Select(id => $"acknowledged event '{id}' is not stored"));

        int checkedBatches = 0,
            whole = 0,
            absent = 0,
            unacknowledgedStored = 0,
            unacknowledgedAbsent = 0;
        long accounted = 0;
        for (var b = 0; b < traffic.Batches.Count; b++)
        {
            var rows = traffic.Batches[b].Where(e => stored.ContainsKey(e.Id)).Select(e => stored[e.Id]).ToList();
            accounted += rows.Count;
            if (!traffic.WasSent(b))
            {
                continue;
            }

            checkedBatches++;
            var size = traffic.Batches[b].Length;
            var oneTransaction =
                rows.Count == size
                && rows.Select(r => r.StoredAt).Distinct(StringComparer.Ordinal).Count() == 1
                && rows.Max(r => r.Seq) - rows.Min(r => r.Seq) + 1 == size;
            if (rows.Count == 0)
            {
                absent++;
            }
            else if (oneTransaction)
            {
                whole++;
            }
            else
            {
                problems.Add(
                    $"batch {b} ({size} events) is partly stored: {rows.Count} events, "
                        + $"{rows.Select(r => r.StoredAt).Distinct(StringComparer.Ordinal).Count()} stored_at "
                        + $"values, seq {rows.Min(r => r.Seq)}–{rows.Max(r => r.Seq)}"
                );
            }

            if (!traffic.WasAcknowledged(b))
            {
                unacknowledgedStored += rows.Count == size ? 1 : 0;
                unacknowledgedAbsent += rows.Count == 0 ? 1 : 0;
            }
        }

        var stray =
            (int)(stored.Count - accounted)
            + traffic
                .Batches.Where((_, b) => !traffic.WasSent(b))
                .Sum(batch => batch.Count(e => stored.ContainsKey(e.Id)));
        return new StoredEventCheck(
            stored.Count,
            lost.Count,
            checkedBatches,
            whole,
            absent,
            unacknowledgedStored,
            unacknowledgedAbsent,
            stray,
            problems
        );
    }

    private static async Task<Dictionary<string, (long Seq, string StoredAt)>> LoadAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = StoredSql;
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var stored = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            stored.Add(reader.GetString(0), (reader.GetInt64(1), reader.GetString(2)));
        }

        return stored;
    }
}
