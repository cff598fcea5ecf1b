using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>What the log refuses although each event is valid on its own.</summary>
internal static class EventContradiction
{
    /// <summary>
    /// Why an event cannot join its dossier (the source's events under its code): a second
    /// <c>received</c> under another id, or a dossier handled by a unit outside the sending key's subtree.
    /// </summary>
    public static (string Field, string Message)? Of(
        DossierEvent e,
        List<DossierEvent> stored,
        string? scope,
        ReferenceData reference
    )
    {
        var received = stored.Find(s => s.Type == DossierEventType.Received);
        if (e.Type == DossierEventType.Received && received is not null && received.Id != e.Id)
        {
            return (
                "type",
                $"Dossier '{e.DossierCode}' was already received by event '{received.Id}'; a dossier is received once."
            );
        }

        if (scope is not null && received?.UnitCode is { } unit && !reference.Units.IsAncestorOrSelf(scope, unit))
        {
            return (
                "dossierCode",
                $"Dossier '{e.DossierCode}' is handled by unit '{unit}', outside the subtree of '{scope}' this key "
                    + $"is limited to."
            );
        }

        return null;
    }

    /// <summary>
    /// True when a stored event with the id of <paramref name="sent"/> is the same event sent again (a retry):
    /// the same content, whenever and by whichever key of the source it was sent.
    /// </summary>
    public static bool IsSameEvent(DossierEvent? stored, DossierEvent sent) =>
        stored is not null
        && stored with { Sequence = 0, SenderScope = null } == sent with { Sequence = 0, SenderScope = null };

    /// <summary>Why an id the source has used for another event is refused (a conflict, not a duplicate).</summary>
    public static (string Field, string Message) ReusedId(DossierEvent sent) =>
        (
            "id",
            $"Event id '{sent.Id}' was already sent by this source with other content; an id names one event "
                + $"forever. Send a new event with a new id."
        );
}
