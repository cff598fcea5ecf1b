using Microsoft.Extensions.Caching.Memory;
using Scorecard.Infrastructure.Keys;

namespace Scorecard.Api.Auth;

/// <summary>
/// Looks keys up by id and verifies the hash, caching verified keys briefly so a busy integrator
/// does not cost a database read per request. Revocation through this process takes effect at once;
/// other instances see it within <see cref="Lifetime"/>.
/// </summary>
internal sealed class ApiKeyCache(ApiKeyStore store, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<ApiKey?> FindAsync(string presented, CancellationToken ct)
    {
        var id = ApiKeySecrets.IdOf(presented);
        if (id is null)
        {
            return null;
        }

        if (!cache.TryGetValue(CacheKey(id), out (ApiKey Key, string Hash)? found))
        {
            found = await store.FindActiveAsync(id, ct).ConfigureAwait(false);
            cache.Set(CacheKey(id), found, Lifetime);
        }

        return found is { } hit && ApiKeySecrets.Matches(presented, hit.Hash) ? hit.Key : null;
    }

    public void Forget(string id) => cache.Remove(CacheKey(id));

    private static string CacheKey(string id) => "api-key:" + id;
}
