using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>What the log refuses although each event is valid on its own.</summary>
internal static class EventContradiction
{
    /// <summary>
    /// Why an event cannot join its dossier: a second <c>received</c> under another id, or a dossier
    /// handled by a unit outside the sending key's subtree.
    /// </summary>
    public static (string Field, string Message)? Of(DossierEvent e, List<DossierEvent> stored, string? scope, ReferenceData reference)
    {
        var received = stored.Find(s => s.Type == DossierEventType.Received);
        if (e.Type == DossierEventType.Received && received is not null && received.Id != e.Id)
        {
            return ("type", $"Dossier '{e.DossierCode}' was already received by event '{received.Id}'; a dossier is received once.");
        }

        if (scope is not null && received?.UnitCode is { } unit && !reference.Units.IsAncestorOrSelf(scope, unit))
        {
            return ("dossierCode", $"Dossier '{e.DossierCode}' is handled by unit '{unit}', outside the subtree of '{scope}' this key is limited to.");
        }

        return null;
    }
}
