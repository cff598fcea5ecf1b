using Scorecard.Domain.Calendar;
using Scorecard.Domain.Procedures;

namespace Scorecard.Domain.Dossiers;

/// <summary>
/// Folds a dossier's events into its state. The result depends only on the set of events, never on
/// their arrival order: events are de-duplicated by id (the lowest <see cref="DossierEvent.Sequence"/>
/// wins), then applied in (<see cref="DossierEvent.At"/>, Sequence, Id) order.
/// </summary>
public static class DossierFold
{
    /// <exception cref="ArgumentException">The events belong to more than one dossier.</exception>
    /// <returns>The state, or null while no <c>received</c> event exists. Events dated before the
    /// <c>received</c> event still apply once it exists (a payment at 09:00 for a dossier received at 10:00
    /// counts).</returns>
    public static DossierState? Fold(IEnumerable<DossierEvent> events, Procedure? procedure, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(calendar);
        var ordered = Order(events);
        if (ordered.Select(e => e.DossierCode).Distinct(StringComparer.Ordinal).Skip(1).Any())
        {
            throw new ArgumentException("All events must belong to the same dossier.", nameof(events));
        }

        var receivedIndex = ordered.FindIndex(e => e.Type == DossierEventType.Received);
        if (receivedIndex < 0)
        {
            return null;
        }

        var received = ordered[receivedIndex];
        var finish = Finish(ordered);
        var acc = new DossierAccumulator(received, procedure);
        for (var i = 0; i < ordered.Count; i++)
        {
            acc.Apply(ordered[i], i, receivedIndex);
        }

        var pauses = SupplementPauses.From(ordered, received.At, finish?.At);
        var (baseDue, dueIndex) = acc.LatestDue is { } given
            ? (given.At, given.Index)
            : (procedure?.ProcessingTime?.DueFrom(received.At, calendar), receivedIndex);
        var extension = pauses.WorkingTimeEndingAfter(dueIndex, calendar);

        return acc.ToState() with
        {
            BaseDueAt = baseDue?.ToUniversalTime(),
            DueAt = baseDue is { } due ? calendar.AddWorkingTime(due, extension) : null,
            SupplementCount = pauses.RequestCount,
            SupplementDuration = pauses.ClosedDuration,
            SupplementWorkingTime = pauses.ClosedWorkingTime(calendar),
            SupplementOpenSince = pauses.OpenSince,
            FinishedAt = finish?.At.ToUniversalTime(),
            FinishKind = finish?.Kind ?? FinishKind.None,
            Status = Status(ordered, finish?.Kind, pauses.OpenSince is not null),
            ExitAt = ordered
                .Find(e => e.Type is DossierEventType.Withdrawn or DossierEventType.Refused)
                ?.At.ToUniversalTime(),
        };
    }

    internal static List<DossierEvent> Order(IEnumerable<DossierEvent> events) =>
        events
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.Sequence).First())
            .OrderBy(e => e.At)
            .ThenBy(e => e.Sequence)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .ToList();

    /// <summary>Resolved beats returned beats stopped, whatever their order; the first event of the winning kind gives
    /// the time.</summary>
    private static (DateTimeOffset At, FinishKind Kind)? Finish(List<DossierEvent> ordered)
    {
        foreach (var (type, kind) in FinishOrder)
        {
            if (ordered.Find(e => e.Type == type) is { } e)
            {
                return (e.At, kind);
            }
        }

        return null;
    }

    private static readonly (DossierEventType Type, FinishKind Kind)[] FinishOrder =
    [
        (DossierEventType.Resolved, FinishKind.Resolved),
        (DossierEventType.Returned, FinishKind.Returned),
        (DossierEventType.Stopped, FinishKind.Stopped),
    ];

    /// <summary>Withdrawn or refused (the first of them) is terminal and beats any finish.</summary>
    private static DossierStatus Status(List<DossierEvent> ordered, FinishKind? finish, bool awaitingSupplement)
    {
        var exit = ordered.Find(e => e.Type is DossierEventType.Withdrawn or DossierEventType.Refused);
        if (exit is not null)
        {
            return exit.Type == DossierEventType.Withdrawn ? DossierStatus.Withdrawn : DossierStatus.Refused;
        }

        return finish switch
        {
            FinishKind.Resolved => DossierStatus.Resolved,
            FinishKind.Returned => DossierStatus.Returned,
            FinishKind.Stopped => DossierStatus.Stopped,
            _ => awaitingSupplement ? DossierStatus.AwaitingSupplement : DossierStatus.Received,
        };
    }
}
