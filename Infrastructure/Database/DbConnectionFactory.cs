using System.Data.Common;

namespace Scorecard.Infrastructure.Database;

/// <summary>Opens one connection per operation, readied by the database's dialect; the caller disposes it.</summary>
public sealed class DbConnectionFactory(DatabaseSettings settings)
{
    public DatabaseProvider Provider => settings.Provider;

    /// <summary>What differs between the databases.</summary>
    public IDatabaseDialect Dialect => settings.Dialect;

    /// <summary>A connection to the primary database, for writes and reads that must see them.</summary>
    public Task<DbConnection> OpenAsync(CancellationToken ct) =>
        OpenAsync(settings.ConnectionString, true, reads: false, ct);

    /// <summary>A connection for reports and feeds (a readable secondary in production, if configured).</summary>
    public Task<DbConnection> OpenReadOnlyAsync(CancellationToken ct) =>
        mapReads ? OpenAsync(settings.ReadOnlyConnectionString, true, reads: true, ct) : OpenRowReadsAsync(ct);

    /// <summary>A read-only connection for the feeds, which read many rows once: on SQLite it reads the file through
    /// its own page cache, not a memory map, and comes from a pool of its own (<see
    /// cref="IDatabaseDialect.RowReadsConnectionString"/>).</summary>
    public Task<DbConnection> OpenRowReadsAsync(CancellationToken ct) =>
        OpenAsync(
            rowReads ??= Dialect.RowReadsConnectionString(settings.ReadOnlyConnectionString),
            false,
            reads: true,
            ct
        );

    /// <summary>A connection to the primary for reads over much of the file (the indicator values refresh's): on
    /// SQLite it reads through its own page cache, not a memory map, in a pool of unmapped connections (the feeds'
    /// when reads go to the primary). Writes keep the map: a refresh that wrote unmapped took 70% longer.</summary>
    public Task<DbConnection> OpenUnmappedAsync(CancellationToken ct) =>
        OpenAsync(unmapped ??= Dialect.RowReadsConnectionString(settings.ConnectionString), false, reads: true, ct);

    private string? rowReads;
    private string? unmapped;
    private bool mapReads = true;

    /// <summary>A factory on the same database whose reads, too, go to the primary: for work that must see every
    /// commit.</summary>
    /// <param name="mapFile">False: its reads are row reads (<see cref="OpenRowReadsAsync"/>), for work that reads
    /// much of the file once, such as the indicator values refresh.</param>
    public DbConnectionFactory WithReadsOnPrimary(bool mapFile = true) =>
        new(settings with { ReadOnlyConnectionString = settings.ConnectionString }) { mapReads = mapFile };

    /// <summary>
    /// Opens a connection to the primary and hands it to <paramref name="start"/>, which keeps it (in the
    /// object it returns) or fails; a failure closes the connection before it propagates.
    /// </summary>
    public async Task<T> OpenForAsync<T>(Func<DbConnection, Task<T>> start, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(start);
        var connection = await OpenAsync(ct).ConfigureAwait(false);
        try
        {
            return await start(connection).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens a connection to the primary and runs a trivial query: the database answers now.</summary>
    public async Task PingAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = PingSql;
        await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    private const string PingSql = "SELECT 1";

    private async Task<DbConnection> OpenAsync(string connectionString, bool mapFile, bool reads, CancellationToken ct)
    {
        var connection = Dialect.CreateConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await Dialect.PrepareAsync(connection, mapFile, reads, ct).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
