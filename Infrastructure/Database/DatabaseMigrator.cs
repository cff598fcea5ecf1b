using DbUp;
using DbUp.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Scorecard.Infrastructure.Database;

/// <summary>
/// Applies the versioned scripts under Migrations/{Provider}/ in name order, each in its own
/// transaction, journalled in the SchemaVersions table. Both providers carry the same numbered scripts.
/// </summary>
public sealed partial class DatabaseMigrator(DatabaseSettings settings, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Brings the schema up to date; throws with DbUp's error when a script fails.</summary>
    public void Migrate()
    {
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            EnableWriteAheadLog();
        }

        var result = BuildEngine().PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name ?? "(unknown)"} failed: {result.Error?.Message}",
                result.Error
            );
        }

        foreach (var script in result.Scripts)
        {
            LogApplied(logger, script.Name);
        }
    }

    /// <summary>The names of scripts not yet applied (empty when the schema is current).</summary>
    public IReadOnlyList<string> PendingScripts() => [.. BuildEngine().GetScriptsToExecute().Select(s => s.Name)];

    /// <summary>The names of the scripts this build carries for a provider, as the journal records them.</summary>
    public static IReadOnlyList<string> ScriptNames(DatabaseProvider provider) =>
        [.. Scripts(provider).Select(s => s.Name)];

    /// <summary>Every script this build carries for a provider, in order (used by the SQL checks in tests).</summary>
    public static IReadOnlyList<SqlScript> Scripts(DatabaseProvider provider)
    {
        var folder = ScriptFolder(provider);
        var assembly = typeof(DatabaseMigrator).Assembly;
        return
        [
            .. assembly
                .GetManifestResourceNames()
                .Where(name => name.Contains(folder, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(name =>
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    using var reader = new StreamReader(stream);
                    return new SqlScript(name, reader.ReadToEnd());
                }),
        ];
    }

    private UpgradeEngine BuildEngine()
    {
        var builder = settings.Dialect.Migrations(settings.ConnectionString);
        var folder = ScriptFolder(settings.Provider);
        return builder
            .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name =>
                name.Contains(folder, StringComparison.Ordinal)
            )
            .WithTransactionPerScript()
            .LogTo(logger)
            .Build();
    }

    private static string ScriptFolder(DatabaseProvider provider) => $".Migrations.{provider}.";

    private void EnableWriteAheadLog()
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = command.ExecuteScalar() as string;
        if (
            !string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(mode, "memory", StringComparison.OrdinalIgnoreCase)
        )
        {
            LogNotWal(logger, mode);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Script}")]
    private static partial void LogApplied(ILogger logger, string script);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite journal mode is {Mode}, not WAL")]
    private static partial void LogNotWal(ILogger logger, string? mode);
}
