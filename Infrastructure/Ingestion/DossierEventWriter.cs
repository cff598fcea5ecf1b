using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The only writer of dossier events. Requests queue their batches; one loop takes every batch
/// waiting (up to <see cref="MaxEventsPerTransaction"/> events), stores them in one transaction
/// and completes each request only after the commit. Concurrent clients therefore never contend
/// for the database lock, and their batches share one commit (group commit). A group that fails is
/// retried batch by batch, so one bad batch cannot fail its neighbours. Before it commits a group,
/// the writer waits a moment (at most <see cref="MaxGather"/>) for batches whose requests have
/// already arrived and are being read and validated (<see cref="Announce"/>): each commit writes
/// every page its dossiers touch, so a group shared by more batches costs each of them less.
/// </summary>
public sealed partial class DossierEventWriter(IngestionTransaction transaction, ILogger<DossierEventWriter> logger)
{
    public const int MaxEventsPerTransaction = 20_000;

    public const int DefaultGatherMilliseconds = 20;

    /// <summary>The longest a group waits for the batches of requests still being read and validated.</summary>
    public TimeSpan MaxGather { get; init; } = TimeSpan.FromMilliseconds(DefaultGatherMilliseconds);

    // Requests announced and neither queued nor ended.
    private int arriving;

    /// <summary>Requests announced whose batch is neither queued nor given up.</summary>
    internal int Arriving => Volatile.Read(ref arriving);

    private readonly Channel<EventBatch> queue = Channel.CreateBounded<EventBatch>(new BoundedChannelOptions(256)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>
    /// Announces a request that is bringing a batch, as soon as it arrives (before its body is read).
    /// It counts as on its way until <see cref="WriteAsync"/> queues its batch or it is disposed.
    /// </summary>
    public Arrival Announce()
    {
        Interlocked.Increment(ref arriving);
        return new Arrival(this);
    }

    /// <summary>Stores a batch; the returned outcome means every accepted event is committed.</summary>
    /// <param name="arrival">The announcement of the request bringing it, if it made one.</param>
    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<IncomingEvent> events, string? scopeUnit, string? keyId, CancellationToken ct, Arrival? arrival = null)
    {
        var batch = new EventBatch(events, scopeUnit, keyId);
        try
        {
            await queue.Writer.WriteAsync(batch, ct).ConfigureAwait(false);
        }
        finally
        {
            arrival?.Dispose();
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
                var group = new List<EventBatch>();
                await GatherAsync(group, reader).ConfigureAwait(false);
                await WriteGroupAsync(group, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            queue.Writer.TryComplete();
            while (reader.TryPeek(out _))
            {
                await WriteGroupAsync(TakeGroup(reader), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static List<EventBatch> TakeGroup(ChannelReader<EventBatch> reader)
    {
        var group = new List<EventBatch>();
        Take(group, reader);
        return group;
    }

    /// <summary>Takes what is queued, then keeps taking while announced requests are on their way (up to <see cref="MaxGather"/>).</summary>
    private async Task GatherAsync(List<EventBatch> group, ChannelReader<EventBatch> reader)
    {
        var started = Stopwatch.GetTimestamp();
        while (Take(group, reader) < MaxEventsPerTransaction && Arriving > 0
            && Stopwatch.GetElapsedTime(started) < MaxGather)
        {
            await Task.Delay(1, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <returns>The number of events in the group after taking what is queued (up to <see cref="MaxEventsPerTransaction"/>).</returns>
    private static int Take(List<EventBatch> group, ChannelReader<EventBatch> reader)
    {
        var events = group.Sum(b => b.Events.Count);
        while (events < MaxEventsPerTransaction && reader.TryRead(out var batch))
        {
            group.Add(batch);
            events += batch.Events.Count;
        }

        return events;
    }

    private async Task WriteGroupAsync(List<EventBatch> group, CancellationToken ct)
    {
        try
        {
            var outcomes = await transaction.WriteAsync(group, ct).ConfigureAwait(false);
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
                await WriteGroupAsync([batch], ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            LogBatchFailed(logger, ex, group[0].Events.Count);
            group[0].Completion.TrySetException(ex);
        }
    }

    /// <summary>A request bringing a batch, on its way to the queue; disposing it (or queuing its batch) ends that.</summary>
    public sealed class Arrival : IDisposable
    {
        private readonly DossierEventWriter writer;
        private int ended;

        internal Arrival(DossierEventWriter writer) => this.writer = writer;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                Interlocked.Decrement(ref writer.arriving);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} batches failed to commit; retrying them one by one")]
    private static partial void LogGroupRetry(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} events failed to commit; nothing of it was stored")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
