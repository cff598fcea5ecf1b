using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Api.Units;

/// <summary>
/// The unit hierarchy, cached for scope checks and listings. Changes through this process are seen
/// at once; changes made by another instance within <see cref="MaxAge"/>.
/// </summary>
internal sealed class UnitDirectory(UnitStore store, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private (UnitTree Tree, DateTimeOffset LoadedAt)? cached;

    public async ValueTask<UnitTree> GetAsync(CancellationToken ct)
    {
        if (cached is { } hit && clock.GetUtcNow() - hit.LoadedAt < MaxAge)
        {
            return hit.Tree;
        }

        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (cached is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < MaxAge)
            {
                return fresh.Tree;
            }

            var tree = await store.LoadTreeAsync(ct).ConfigureAwait(false);
            cached = (tree, clock.GetUtcNow());
            return tree;
        }
        finally
        {
            gate.Release();
        }
    }

    public void Invalidate() => cached = null;

    public void Dispose() => gate.Dispose();

    /// <summary>True when a caller limited to <paramref name="scope"/> (null: province-wide) may see <paramref name="code"/>.</summary>
    public static bool InScope(UnitTree tree, string? scope, string code) =>
        scope is null || tree.IsAncestorOrSelf(scope, code);
}
