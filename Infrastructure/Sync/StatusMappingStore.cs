using System.Data.Common;
using Dapper;
using Scorecard.Domain.Sync;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Sync;

/// <summary>Each source's status mapping [TrangThaiHoSo → meaning]; a source with none stored uses <see
/// cref="StatusMapping.Default"/>.</summary>
public sealed class StatusMappingStore(DbConnectionFactory db)
{
    private const string SelectSql = """
        SELECT code AS Code, meaning AS Meaning FROM sync_status_mappings WHERE source = @Source ORDER BY code
        """;
    private const string DeleteSql = "DELETE FROM sync_status_mappings WHERE source = @Source";
    private const string InsertSql = """
        INSERT INTO sync_status_mappings (source, code, meaning, updated_at) VALUES (@Source, @Code, @Meaning, @Now)
        """;

    /// <summary>The mapping <paramref name="source"/> uses, and whether it is its own (false: the default).</summary>
    public async Task<(StatusMapping Mapping, bool Stored)> ForAsync(string source, CancellationToken ct)
    {
        await using var connection = await db.OpenReadOnlyAsync(ct).ConfigureAwait(false);
        var stored = await ReadAsync(connection, null, source, ct).ConfigureAwait(false);
        return stored is null ? (StatusMapping.Default, false) : (stored, true);
    }

    /// <summary>Replaces the mapping of <paramref name="source"/>; true when it had none of its own.</summary>
    public async Task<bool> PutAsync(string source, StatusMapping mapping, AuditStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var before = await ReadAsync(connection, transaction, source, ct).ConfigureAwait(false);
        await connection
            .ExecuteAsync(new CommandDefinition(DeleteSql, new { Source = source }, transaction, cancellationToken: ct))
            .ConfigureAwait(false);
        await connection
            .ExecuteAsync(
                new CommandDefinition(
                    InsertSql,
                    mapping
                        .Codes.OrderBy(c => c.Key, StringComparer.Ordinal)
                        .Select(c => new
                        {
                            Source = source,
                            Code = c.Key,
                            Meaning = WireName.Of(c.Value),
                            Now = stamp.At,
                        }),
                    transaction,
                    cancellationToken: ct
                )
            )
            .ConfigureAwait(false);
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                new AuditChange(AuditEntities.StatusMapping, source, null, Sorted(before), Sorted(mapping)),
                ct
            )
            .ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return before is null;
    }

    private static SortedDictionary<string, SyncStatus>? Sorted(StatusMapping? mapping) =>
        mapping is null ? null : new(mapping.Codes.ToDictionary(), StringComparer.Ordinal);

    private static async Task<StatusMapping?> ReadAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string source,
        CancellationToken ct
    )
    {
        var rows = (
            await connection
                .QueryAsync<Row>(
                    new CommandDefinition(SelectSql, new { Source = source }, transaction, cancellationToken: ct)
                )
                .ConfigureAwait(false)
        ).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var codes = new Dictionary<string, SyncStatus>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (WireName.TryParse<SyncStatus>(row.Meaning, out var status))
            {
                codes[row.Code] = status;
            }
        }

        return new StatusMapping(codes);
    }

    private sealed class Row
    {
        public string Code { get; init; } = "";
        public string Meaning { get; init; } = "";
    }
}
