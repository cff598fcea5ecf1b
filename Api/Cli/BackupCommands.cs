using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Api.Cli;

/// <summary>
/// <c>backup PATH</c>: a consistent copy of the SQLite database, taken while the service runs.
/// <c>restore PATH</c>: puts such a copy back (stop the service first; the database is replaced, and what it held
/// is kept beside it as <c>…before-restore-TIMESTAMP</c>). On SQL Server both refuse: the server's own backups
/// are the tool there (README "Operating it").
/// </summary>
internal static class BackupCommands
{
    /// <returns>The process exit code: 0 done, 1 refused or failed, 2 used wrongly.</returns>
    public static async Task<int> RunAsync(
        string verb,
        string[] args,
        DatabaseSettings settings,
        TimeProvider clock,
        TextWriter output,
        TextWriter error
    )
    {
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            await error.WriteLineAsync($"Usage: {verb} PATH").ConfigureAwait(false);
            return 2;
        }

        if (settings.Provider != DatabaseProvider.Sqlite)
        {
            await error
                .WriteLineAsync(
                    $"'{verb}' copies the SQLite database; on SQL Server use BACKUP DATABASE / RESTORE DATABASE "
                        + "(README, Operating it)."
                )
                .ConfigureAwait(false);
            return 2;
        }

        var path = args[1];
        var problem =
            verb == "backup"
                ? await SqliteBackup
                    .BackupAsync(settings.ConnectionString, path, CancellationToken.None)
                    .ConfigureAwait(false)
                : await RestoreAsync(settings, path, clock).ConfigureAwait(false);
        if (problem is not null)
        {
            await error.WriteLineAsync(problem).ConfigureAwait(false);
            return 1;
        }

        await output
            .WriteLineAsync(
                verb == "backup"
                    ? $"Backed up to {Path.GetFullPath(path)}."
                    : $"Restored {Path.GetFullPath(path)}; start the service (it applies any newer migrations)."
            )
            .ConfigureAwait(false);
        return 0;
    }

    private static async Task<string?> RestoreAsync(DatabaseSettings settings, string path, TimeProvider clock)
    {
        var known = DatabaseMigrator.ScriptNames(DatabaseProvider.Sqlite).ToHashSet(StringComparer.Ordinal);
        if (await SqliteBackup.CheckAsync(path, known, CancellationToken.None).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var database = SqliteBackup.FileOf(settings.ConnectionString);
        if (File.Exists(database) && new FileInfo(database).Length > 0)
        {
            var kept = $"{database}.before-restore-{clock.GetUtcNow():yyyyMMddTHHmmssZ}";
            if (
                await SqliteBackup
                    .BackupAsync(settings.ConnectionString, kept, CancellationToken.None)
                    .ConfigureAwait(false) is
                { } failed
            )
            {
                return $"Could not keep the current database before restoring: {failed}";
            }
        }

        return await SqliteBackup
            .RestoreAsync(path, settings.ConnectionString, known, CancellationToken.None)
            .ConfigureAwait(false);
    }
}
