using Dapper;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Audit;

/// <summary>Reads the audit trail a page at a time, from the primary (an entry is read as soon as it is
/// committed).</summary>
public sealed class AuditReader(DbConnectionFactory db)
{
    /// <summary>Up to <see cref="AuditFilter.Limit"/> entries in id order.</summary>
    public async Task<IReadOnlyList<AuditEntry>> PageAsync(AuditFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<AuditEntry>(
                new CommandDefinition(
                    db.Dialect.AuditPageSql,
                    new
                    {
                        filter.AfterId,
                        filter.From,
                        filter.To,
                        filter.Entity,
                        filter.KeyId,
                        filter.Scope,
                        filter.Limit,
                    },
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        return [.. rows];
    }
}
