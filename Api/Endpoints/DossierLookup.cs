using Scorecard.Api.Auth;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Dossiers;

namespace Scorecard.Api.Endpoints;

/// <summary>
/// Which dossier a code names for a caller. A dossier is one source's events under one code, so a code
/// may name dossiers of several sources; the caller sees those in its scope (by the receiving unit; a
/// dossier not yet received only by province-wide keys and by its own source), its own source's first.
/// </summary>
internal static class DossierLookup
{
    /// <summary>What a caller who may not see a dossier is told: the same as when none exists.</summary>
    public static string NotFound(string code) => $"Dossier '{code}' has no events visible to this key.";

    public sealed record Found(string Source, IReadOnlyList<StoredEvent> Events, DossierEvent? Received);

    /// <returns>The dossier, null when none is visible, or the sources to choose from when several are.</returns>
    public static (Found? Dossier, IReadOnlyList<string> Ambiguous) Find(
        IReadOnlyList<StoredEvent> stored,
        string? source,
        Caller caller,
        UnitTree units
    )
    {
        var scope = caller.ScopeUnit;
        var own = caller.Source;
        var visible = stored
            .GroupBy(s => s.Event.Source, StringComparer.Ordinal)
            .Where(g => source is null || g.Key == source)
            .Select(g => new Found(
                g.Key,
                [.. g],
                g.Select(s => s.Event).FirstOrDefault(e => e.Type == DossierEventType.Received)
            ))
            .Where(d =>
                d.Received?.UnitCode is { } unit
                    ? UnitScope.Contains(units, scope, unit)
                    : scope is null || d.Source == own
            )
            .ToList();
        return visible.Count switch
        {
            0 => (null, []),
            1 => (visible[0], []),
            _ => visible.Find(d => d.Source == own) is { } mine
                ? (mine, [])
                : (null, [.. visible.Select(d => d.Source)]),
        };
    }
}
