using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace Scorecard.Bench.Ingestion;

/// <summary>
/// What the commits in a SQLite write-ahead log wrote: the number of commits, the pages each wrote, and which table
/// or index every page belongs to. The log must hold every commit (no checkpoint restarted it meanwhile). Pages are
/// named by walking each table's and index's b-tree from its root in the file as it stands with the log; a page no
/// b-tree reaches at the end (an overflow or freed page) counts as "other".
/// </summary>
internal sealed record LogPages(
    int Commits,
    int Frames,
    IReadOnlyList<int> FramesPerCommit,
    IReadOnlyDictionary<string, int> ByName
)
{
    private const int WalHeader = 32;
    private const int FrameHeader = 24;

    public static async Task<LogPages> ReadAsync(string database)
    {
        using var wal = File.OpenHandle(database + "-wal");
        using var file = File.OpenHandle(database);
        var header = new byte[WalHeader];
        RandomAccess.Read(wal, header, 0);
        var pageSize = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(8));
        var salt = header.AsSpan(16, 8).ToArray();
        var length = RandomAccess.GetLength(wal);
        var latest = new Dictionary<uint, long>(); // page number → offset of its last image in the log
        var pages = new List<uint>();
        var perCommit = new List<int>();
        var sinceCommit = 0;
        var frame = new byte[FrameHeader];
        for (long at = WalHeader; at + FrameHeader + pageSize <= length; at += FrameHeader + pageSize)
        {
            RandomAccess.Read(wal, frame, at);
            if (!frame.AsSpan(8, 8).SequenceEqual(salt))
            {
                break; // left over from an earlier generation of the log
            }

            var page = BinaryPrimitives.ReadUInt32BigEndian(frame);
            latest[page] = at + FrameHeader;
            pages.Add(page);
            sinceCommit++;
            if (BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(4)) != 0)
            {
                perCommit.Add(sinceCommit);
                sinceCommit = 0;
            }
        }

        byte[] Page(uint number)
        {
            var data = new byte[pageSize];
            if (latest.TryGetValue(number, out var offset))
            {
                RandomAccess.Read(wal, data, offset);
            }
            else
            {
                RandomAccess.Read(file, data, (number - 1) * (long)pageSize);
            }

            return data;
        }

        var owner = new Dictionary<uint, string> { [1] = "sqlite_schema" };
        foreach (var (name, root) in await RootsAsync(database).ConfigureAwait(false))
        {
            Walk(root, name, Page, owner);
        }

        var byName = pages
            .GroupBy(p => owner.GetValueOrDefault(p, "other"))
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new LogPages(perCommit.Count, pages.Count, perCommit, byName);
    }

    private static async Task<List<(string Name, uint Root)>> RootsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, rootpage FROM sqlite_schema WHERE rootpage > 0";
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var roots = new List<(string, uint)>();
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            roots.Add((reader.GetString(0), (uint)reader.GetInt64(1)));
        }

        return roots;
    }

    /// <summary>Names every page of one b-tree: interior pages (types 2 and 5) list their children in their cells
    /// and keep the right-most one in their header.</summary>
    private static void Walk(uint root, string name, Func<uint, byte[]> page, Dictionary<uint, string> owner)
    {
        var pending = new Stack<uint>([root]);
        while (pending.TryPop(out var number))
        {
            owner[number] = name;
            var data = page(number);
            var header = number == 1 ? 100 : 0; // page 1 starts with the file header
            if (data[header] is not (2 or 5))
            {
                continue; // a leaf
            }

            var cells = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(header + 3));
            pending.Push(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(header + 8)));
            for (var i = 0; i < cells; i++)
            {
                var cell = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(header + 12 + (2 * i)));
                pending.Push(BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(cell)));
            }
        }
    }
}
