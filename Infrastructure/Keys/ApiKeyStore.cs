using Dapper;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.Keys;

public sealed class ApiKeyStore(DbConnectionFactory db)
{
    private const string Columns =
        "id AS Id, name AS Name, role AS Role, unit_code AS UnitCode, source AS Source, "
        + "created_at AS CreatedAt, revoked_at AS RevokedAt";

    private const string InsertSql = """
        INSERT INTO api_keys (id, name, role, unit_code, source, key_hash, created_at)
        VALUES (@Id, @Name, @Role, @UnitCode, @Source, @KeyHash, @CreatedAt)
        """;

    private const string ListSql = $"SELECT {Columns} FROM api_keys ORDER BY created_at, id";
    private const string OfSourceSql = $"SELECT {Columns} FROM api_keys WHERE source = @Source OR id = @Source";
    private const string FindActiveSql =
        $"SELECT {Columns}, key_hash AS KeyHash FROM api_keys WHERE id = @Id AND revoked_at IS NULL";
    private const string RevokeSql = "UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL";

    /// <summary>Stores a new key's hash; the plaintext is returned here and never again.</summary>
    /// <param name="source">The integrator the key speaks for (an earlier key's, to replace it); null: a new source
    /// named by the key's id.</param>
    public async Task<(ApiKey Key, string Plaintext)> CreateAsync(
        string name,
        ApiKeyRole role,
        string? unitCode,
        string? source,
        AuditStamp stamp,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(stamp);
        var (id, plaintext) = ApiKeySecrets.NewKey();
        source ??= id;
        var key = new ApiKey(id, name, role, unitCode, source, stamp.At, null);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await connection
            .ExecuteAsync(
                new CommandDefinition(
                    InsertSql,
                    new
                    {
                        Id = id,
                        Name = name,
                        Role = WireName.Of(role),
                        UnitCode = unitCode,
                        Source = source,
                        KeyHash = ApiKeySecrets.Hash(plaintext),
                        CreatedAt = stamp.At,
                    },
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
                new AuditChange(AuditEntities.ApiKey, id, unitCode, null, key),
                ct
            )
            .ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return (key, plaintext);
    }

    /// <summary>Every key, revoked ones included, that speaks for this source.</summary>
    public async Task<IReadOnlyList<ApiKey>> OfSourceAsync(string source, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<KeyRow>(new CommandDefinition(OfSourceSql, new { Source = source }, cancellationToken: ct))
            .ConfigureAwait(false);
        return [.. rows.Select(r => r.ToKey())];
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection
            .QueryAsync<KeyRow>(new CommandDefinition(ListSql, cancellationToken: ct))
            .ConfigureAwait(false);
        return [.. rows.Select(r => r.ToKey())];
    }

    /// <summary>The unrevoked key with this id and its stored hash, or null.</summary>
    public async Task<(ApiKey Key, string KeyHash)?> FindActiveAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var row = await connection
            .QuerySingleOrDefaultAsync<KeyRow>(
                new CommandDefinition(FindActiveSql, new { Id = id }, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        return row is null ? null : (row.ToKey(), row.KeyHash);
    }

    public async Task<bool> RevokeAsync(string id, AuditStamp stamp, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stamp);
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        var row = await connection
            .QuerySingleOrDefaultAsync<KeyRow>(
                new CommandDefinition(FindActiveSql, new { Id = id }, transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        if (row is null)
        {
            return false;
        }

        await connection
            .ExecuteAsync(
                new CommandDefinition(RevokeSql, new { Id = id, Now = stamp.At }, transaction, cancellationToken: ct)
            )
            .ConfigureAwait(false);
        var before = row.ToKey();
        await AuditTrail
            .RecordAsync(
                connection,
                transaction,
                stamp,
                new AuditChange(
                    AuditEntities.ApiKey,
                    id,
                    before.UnitCode,
                    before,
                    before with
                    {
                        RevokedAt = stamp.At,
                    }
                ),
                ct
            )
            .ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
        return true;
    }

    private sealed class KeyRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string? UnitCode { get; init; }
        public string Source { get; init; } = "";
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
        public string KeyHash { get; init; } = "";

        public ApiKey ToKey() =>
            new(Id, Name, WireName.Parse<ApiKeyRole>(Role), UnitCode, Source, CreatedAt, RevokedAt);
    }
}
