using Scorecard.Domain.Units;

namespace Scorecard.Domain.Dossiers;

/// <summary>
/// Which events of a dossier its fold may apply. An event sent before the dossier's <c>received</c>
/// cannot be checked against the receiving unit when it arrives; it applies only if the key that sent
/// it could have sent events for that unit (its scope holds the unit). The others stay in the log,
/// shown to admins as not applied.
/// </summary>
public static class SenderScopes
{
    /// <summary>True when <paramref name="e"/> may act on a dossier received by <paramref
    /// name="receivingUnit"/>.</summary>
    public static bool Covers(DossierEvent e, string receivingUnit, UnitTree units)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(units);
        return e.SenderScope is not { } scope || units.IsAncestorOrSelf(scope, receivingUnit);
    }

    /// <summary>The events the fold applies: all of them while none is out of its sender's scope.</summary>
    public static IReadOnlyList<DossierEvent> Applicable(
        IReadOnlyList<DossierEvent> events,
        string receivingUnit,
        UnitTree units
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            if (!Covers(events[i], receivingUnit, units))
            {
                return [.. events.Where(e => Covers(e, receivingUnit, units))];
            }
        }

        return events;
    }
}
