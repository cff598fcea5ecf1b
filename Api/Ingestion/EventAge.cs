using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Ingestion;

/// <summary>The limit on how far back a non-admin key may date events (<see
/// cref="IngestionOptions.MaxEventAgeDays"/>).</summary>
internal static class EventAge
{
    /// <summary>Moves the events dated before <paramref name="earliest"/> from <paramref name="valid"/> to <paramref
    /// name="rejected"/>.</summary>
    public static void RejectOlderThan(
        List<IncomingEvent> valid,
        List<RejectedEvent> rejected,
        DateTimeOffset earliest,
        int days
    )
    {
        var old = valid.FindAll(e => e.Event.At < earliest);
        if (old.Count == 0)
        {
            return;
        }

        valid.RemoveAll(e => e.Event.At < earliest);
        rejected.AddRange(
            old.Select(e => new RejectedEvent(
                e.Index,
                e.Event.Id,
                [
                    new FieldError(
                        "at",
                        $"'at' is more than {days} days before now; figures of periods that old are "
                            + $"changed only with an admin key."
                    ),
                ]
            ))
        );
        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
    }
}
