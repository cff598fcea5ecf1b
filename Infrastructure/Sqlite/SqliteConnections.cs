using Microsoft.Data.Sqlite;

namespace Scorecard.Infrastructure.Sqlite;

/// <summary>SQLite connection-string defaults: foreign keys on, a busy timeout, pooling.</summary>
internal static class SqliteConnections
{
    /// <summary>Seconds a statement waits on a locked database before it fails (SQLite busy timeout).</summary>
    public const int BusyTimeoutSeconds = 30;

    public static string Normalise(string connectionString, string? baseDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        if (builder.DefaultTimeout == 30 || builder.DefaultTimeout <= 0)
        {
            builder.DefaultTimeout = BusyTimeoutSeconds;
        }

        var path = builder.DataSource;
        if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(path) && path != ":memory:")
        {
            if (!Path.IsPathRooted(path) && baseDirectory is not null)
            {
                builder.DataSource = path = Path.Combine(baseDirectory, path);
            }

            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        return builder.ToString();
    }
}
