using Dapper;
using Scorecard.Infrastructure.Database;
using Scorecard.Domain.Wire;

namespace Scorecard.Infrastructure.Keys;

public sealed class ApiKeyStore(DbConnectionFactory db)
{
    private const string Columns = "id AS Id, name AS Name, role AS Role, unit_code AS UnitCode, created_at AS CreatedAt, revoked_at AS RevokedAt";

    private const string InsertSql = """
        INSERT INTO api_keys (id, name, role, unit_code, key_hash, created_at)
        VALUES (@Id, @Name, @Role, @UnitCode, @KeyHash, @CreatedAt)
        """;

    private const string ListSql = $"SELECT {Columns} FROM api_keys ORDER BY created_at, id";
    private const string FindActiveSql = $"SELECT {Columns}, key_hash AS KeyHash FROM api_keys WHERE id = @Id AND revoked_at IS NULL";
    private const string RevokeSql = "UPDATE api_keys SET revoked_at = @Now WHERE id = @Id AND revoked_at IS NULL";

    /// <summary>Stores a new key's hash; the plaintext is returned here and never again.</summary>
    public async Task<(ApiKey Key, string Plaintext)> CreateAsync(string name, ApiKeyRole role, string? unitCode, DateTimeOffset now, CancellationToken ct)
    {
        var (id, plaintext) = ApiKeySecrets.NewKey();
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = id,
            Name = name,
            Role = WireName.Of(role),
            UnitCode = unitCode,
            KeyHash = ApiKeySecrets.Hash(plaintext),
            CreatedAt = now,
        }, cancellationToken: ct)).ConfigureAwait(false);
        return (new ApiKey(id, name, role, unitCode, now, null), plaintext);
    }

    public async Task<IReadOnlyList<ApiKey>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var rows = await connection.QueryAsync<KeyRow>(new CommandDefinition(ListSql, cancellationToken: ct)).ConfigureAwait(false);
        return [.. rows.Select(r => r.ToKey())];
    }

    /// <summary>The unrevoked key with this id and its stored hash, or null.</summary>
    public async Task<(ApiKey Key, string KeyHash)?> FindActiveAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<KeyRow>(new CommandDefinition(FindActiveSql, new { Id = id }, cancellationToken: ct)).ConfigureAwait(false);
        return row is null ? null : (row.ToKey(), row.KeyHash);
    }

    public async Task<bool> RevokeAsync(string id, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct).ConfigureAwait(false);
        return await connection.ExecuteAsync(new CommandDefinition(RevokeSql, new { Id = id, Now = now }, cancellationToken: ct)).ConfigureAwait(false) > 0;
    }

    private sealed class KeyRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Role { get; init; } = "";
        public string? UnitCode { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
        public DateTimeOffset? RevokedAt { get; init; }
        public string KeyHash { get; init; } = "";

        public ApiKey ToKey() => new(Id, Name, WireName.Parse<ApiKeyRole>(Role), UnitCode, CreatedAt, RevokedAt);
    }
}
