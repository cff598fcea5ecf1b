using Scorecard.Domain.Calendar;

namespace Scorecard.Domain.Dossiers;

/// <summary>
/// The clock stops from each <c>supplement-requested</c> to the next <c>supplement-completed</c>
/// [bổ sung hồ sơ]. A request while one is open is counted but does not restart the pause; a
/// completion with no open request is ignored; a pause still open when the dossier finishes ends
/// then. Requests after the finish, and time before reception, are ignored.
/// </summary>
internal sealed class SupplementPauses
{
    private readonly List<(DateTimeOffset Start, DateTimeOffset End, int EndIndex)> closed = [];

    public int RequestCount { get; private set; }

    public DateTimeOffset? OpenSince { get; private set; }

    public TimeSpan ClosedDuration => closed.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));

    public static SupplementPauses From(
        List<DossierEvent> ordered,
        DateTimeOffset receivedAt,
        DateTimeOffset? finishedAt
    )
    {
        var pauses = new SupplementPauses();
        for (var i = 0; i < ordered.Count; i++)
        {
            var e = ordered[i];
            if (finishedAt is { } f && e.At > f)
            {
                break;
            }

            var at = e.At < receivedAt ? receivedAt : e.At;
            if (e.Type == DossierEventType.SupplementRequested)
            {
                pauses.RequestCount++;
                pauses.OpenSince ??= at.ToUniversalTime();
            }
            else if (e.Type == DossierEventType.SupplementCompleted && pauses.OpenSince is { } start)
            {
                pauses.closed.Add((start, at.ToUniversalTime(), i));
                pauses.OpenSince = null;
            }
        }

        if (finishedAt is { } finish && pauses.OpenSince is { } open)
        {
            pauses.closed.Add((open, finish.ToUniversalTime(), int.MaxValue));
            pauses.OpenSince = null;
        }

        return pauses;
    }

    public TimeSpan ClosedWorkingTime(WorkCalendar calendar) =>
        closed.Aggregate(TimeSpan.Zero, (sum, p) => sum + calendar.WorkingTimeBetween(p.Start, p.End));

    /// <summary>
    /// Working time of the pauses that end after the event that set the deadline: a dueAt given at or
    /// after a pause ends (e.g. on the <c>supplement-completed</c> event itself) already includes it.
    /// </summary>
    public TimeSpan WorkingTimeEndingAfter(int dueIndex, WorkCalendar calendar) =>
        closed
            .Where(p => p.EndIndex > dueIndex)
            .Aggregate(TimeSpan.Zero, (sum, p) => sum + calendar.WorkingTimeBetween(p.Start, p.End));
}
