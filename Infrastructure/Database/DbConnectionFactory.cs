using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Scorecard.Infrastructure.Database;

/// <summary>Opens one connection per operation; the caller disposes it.</summary>
public sealed class DbConnectionFactory(DatabaseSettings settings)
{
    /// <summary>
    /// Reads go through a memory map of the file (up to 1 GiB), so every pooled connection shares
    /// the operating system's page cache instead of filling a small cache of its own.
    /// </summary>
    private const string SqlitePerConnectionPragmas = "PRAGMA mmap_size = 1073741824;";

    public DatabaseProvider Provider => settings.Provider;

    /// <summary>A connection to the primary database, for writes and reads that must see them.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken ct) => OpenAsync(settings.ConnectionString, ct);

    /// <summary>A connection for reports and feeds (a readable secondary in production, if configured).</summary>
    public Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct) => OpenAsync(settings.ReadOnlyConnectionString, ct);

    /// <summary>A factory on the same database whose reads, too, go to the primary: for work that must see every commit.</summary>
    public DbConnectionFactory WithReadsOnPrimary() => new(settings with { ReadOnlyConnectionString = settings.ConnectionString });

    private async Task<DbConnection> OpenAsync(string connectionString, CancellationToken ct)
    {
        DbConnection connection = settings.Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(connectionString)
            : new SqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            if (connection is SqliteConnection sqlite)
            {
                await using var pragma = sqlite.CreateCommand();
                pragma.CommandText = SqlitePerConnectionPragmas;
                await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
