using Dapper;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Telemetry;

/// <summary>How large the database is, as the database itself counts it.</summary>
public sealed class DatabaseSize(DbConnectionFactory db)
{
    /// <returns>Bytes of the data files.</returns>
    public async Task<long> ReadAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await connection
            .ExecuteScalarAsync<long>(new CommandDefinition(db.Dialect.DatabaseSizeSql, cancellationToken: ct))
            .ConfigureAwait(false);
    }
}
