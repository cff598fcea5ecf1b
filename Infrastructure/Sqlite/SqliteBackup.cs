using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Scorecard.Infrastructure.Sqlite;

/// <summary>
/// Copies of the SQLite database through SQLite's online backup API: a backup is one consistent snapshot taken
/// while the service keeps writing (the copy reads in one read transaction, which in WAL mode never blocks the
/// writer); a restore checks the copy (its integrity, and that every migration its <c>SchemaVersions</c>
/// journal lists is one this build carries) before it writes it over the database.
/// </summary>
public static class SqliteBackup
{
    private const string QuickCheckSql = "PRAGMA quick_check";
    private const string DeleteJournalSql = "PRAGMA journal_mode = DELETE";
    private const string JournalTableSql =
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'SchemaVersions'";
    private const string AppliedScriptsSql = "SELECT ScriptName FROM SchemaVersions";

    /// <summary>Writes a consistent copy of the database into a new, self-contained file (no -wal beside it).</summary>
    /// <returns>Null when done, or why not.</returns>
    public static async Task<string?> BackupAsync(string connectionString, string path, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(path);
        var target = Path.GetFullPath(path);
        if (File.Exists(target))
        {
            return $"{target} exists; name a new file.";
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        File.Delete(partial);
        await using (var source = new SqliteConnection(connectionString))
        await using (var copy = new SqliteConnection(FileConnection(partial, SqliteOpenMode.ReadWriteCreate)))
        {
            await source.OpenAsync(ct).ConfigureAwait(false);
            await copy.OpenAsync(ct).ConfigureAwait(false);
            source.BackupDatabase(copy);
            await ExecuteAsync(copy, DeleteJournalSql, ct).ConfigureAwait(false);
            if (await ScalarAsync(copy, QuickCheckSql, ct).ConfigureAwait(false) is not "ok" and var problem)
            {
                return $"The copy failed its integrity check: {problem}.";
            }
        }

        File.Move(partial, target);
        return null;
    }

    /// <summary>
    /// Whether a backup can be restored by this build: a readable SQLite file that passes its integrity check,
    /// with a migration journal that lists no migration missing from <paramref name="knownScripts"/> (one made by
    /// a newer build).
    /// </summary>
    /// <returns>Null when it can, or why not.</returns>
    public static async Task<string?> CheckAsync(
        string path,
        IReadOnlyCollection<string> knownScripts,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(knownScripts);
        var source = Path.GetFullPath(path);
        if (!File.Exists(source))
        {
            return $"{source} does not exist.";
        }

        await using var backup = new SqliteConnection(FileConnection(source, SqliteOpenMode.ReadOnly));
        try
        {
            await backup.OpenAsync(ct).ConfigureAwait(false);
            if (await ScalarAsync(backup, QuickCheckSql, ct).ConfigureAwait(false) is not "ok" and var problem)
            {
                return $"{source} failed its integrity check: {problem}.";
            }

            var journal = await ScalarAsync(backup, JournalTableSql, ct).ConfigureAwait(false);
            if (Convert.ToInt64(journal, CultureInfo.InvariantCulture) == 0)
            {
                return $"{source} has no migration journal (SchemaVersions): it is not a database of this service.";
            }

            var unknown = (await AppliedAsync(backup, ct).ConfigureAwait(false))
                .Where(s => !knownScripts.Contains(s))
                .ToList();
            return unknown.Count == 0
                ? null
                : $"{source} has migrations this build does not know ({string.Join(", ", unknown)}): restore it "
                    + "with the build that made it, or a newer one.";
        }
        catch (SqliteException ex)
        {
            return $"{source} is not a readable SQLite database: {ex.Message}";
        }
    }

    /// <summary>
    /// Writes a backup over the database of <paramref name="connectionString"/> (the service must be stopped)
    /// once <see cref="CheckAsync"/> finds nothing wrong with it; otherwise nothing is written.
    /// </summary>
    /// <returns>Null when done, or why not.</returns>
    public static async Task<string?> RestoreAsync(
        string path,
        string connectionString,
        IReadOnlyCollection<string> knownScripts,
        CancellationToken ct
    )
    {
        if (await CheckAsync(path, knownScripts, ct).ConfigureAwait(false) is { } problem)
        {
            return problem;
        }

        await using var backup = new SqliteConnection(FileConnection(Path.GetFullPath(path), SqliteOpenMode.ReadOnly));
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        await using var database = new SqliteConnection(builder.ToString());
        await backup.OpenAsync(ct).ConfigureAwait(false);
        await database.OpenAsync(ct).ConfigureAwait(false);
        backup.BackupDatabase(database);
        return null;
    }

    /// <summary>The database file a connection string names.</summary>
    public static string FileOf(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource;

    private static string FileConnection(string path, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
        }.ToString();

    private static async Task<List<string>> AppliedAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = AppliedScriptsSql;
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        var names = new List<string>();
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
