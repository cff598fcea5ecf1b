using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The only writer of dossier events. Requests queue their batches; one loop takes every batch
/// waiting (up to <see cref="MaxEventsPerTransaction"/> events), stores them in one transaction
/// and completes each request only after the commit. Concurrent clients therefore never contend
/// for the database lock, and their batches share one commit (group commit). A group that fails is
/// retried batch by batch, so one bad batch cannot fail its neighbours. A group stays open while
/// batches keep coming: after each part, the transaction takes what was queued meanwhile, so the
/// writer works on the first batches while later ones are still being read, and all share a commit.
/// </summary>
public sealed partial class DossierEventWriter(
    IngestionTransaction transaction,
    ScorecardMetrics metrics,
    ILogger<DossierEventWriter> logger
)
{
    public const int MaxEventsPerTransaction = 20_000;

    private readonly Channel<EventBatch> queue = Channel.CreateBounded<EventBatch>(
        new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }
    );

    /// <summary>Stores a batch; the returned outcome means every accepted event is committed.</summary>
    public async Task<BatchOutcome> WriteAsync(
        IReadOnlyList<IncomingEvent> events,
        EventSender sender,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = new EventBatch(events, sender);
        metrics.EventsQueued(events.Count);
        try
        {
            await queue.Writer.WriteAsync(batch, ct).ConfigureAwait(false);
        }
        catch
        {
            metrics.EventsTaken(events.Count);
            throw;
        }

        return await batch.Completion.Task.ConfigureAwait(false);
    }

    /// <summary>The writer loop; runs until <paramref name="stop"/>, then drains what was queued.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var reader = queue.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stop).ConfigureAwait(false))
            {
                await WriteGroupAsync(TakeGroup(reader), reader, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            queue.Writer.TryComplete();
            while (reader.TryPeek(out _))
            {
                await WriteGroupAsync(TakeGroup(reader), null, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private List<EventBatch> TakeGroup(ChannelReader<EventBatch> reader)
    {
        var group = new List<EventBatch>();
        metrics.EventsTaken(Take(group, reader, MaxEventsPerTransaction));
        return group;
    }

    /// <summary>The next part of an open group: what is queued now (nothing: the group commits).</summary>
    private Task<IReadOnlyList<EventBatch>> NextPartAsync(ChannelReader<EventBatch> reader, int events)
    {
        var part = new List<EventBatch>();
        metrics.EventsTaken(Take(part, reader, MaxEventsPerTransaction - events));
        return Task.FromResult<IReadOnlyList<EventBatch>>(part);
    }

    /// <returns>The number of events taken from the queue (whole batches, while under <paramref
    /// name="budget"/>).</returns>
    private static int Take(List<EventBatch> into, ChannelReader<EventBatch> reader, int budget)
    {
        var taken = 0;
        while (taken < budget && reader.TryRead(out var batch))
        {
            into.Add(batch);
            taken += batch.Events.Count;
        }

        return taken;
    }

    /// <param name="reader">Where to gather more batches into the open transaction; null stores the group as it
    /// is.</param>
    private async Task WriteGroupAsync(List<EventBatch> group, ChannelReader<EventBatch>? reader, CancellationToken ct)
    {
        try
        {
            var outcomes = await transaction
                .WriteAsync(group, reader is null ? null : events => NextPartAsync(reader, events), ct)
                .ConfigureAwait(false);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Completion.TrySetResult(outcomes[i]);
            }
        }
        catch (Exception ex) when (group.Count > 1)
        {
            LogGroupRetry(logger, ex, group.Count);
            foreach (var batch in group)
            {
                await WriteGroupAsync([batch], null, ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            LogBatchFailed(logger, ex, group[0].Events.Count);
            group[0].Completion.TrySetException(ex);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "A group of {Count} batches failed to commit; retrying them one by one"
    )]
    private static partial void LogGroupRetry(ILogger logger, Exception exception, int count);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "A batch of {Count} events failed to commit; nothing of it was stored"
    )]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
