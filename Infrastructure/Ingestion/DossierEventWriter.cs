using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The only writer of dossier events. Requests queue their batches; one loop takes every batch
/// waiting (up to <see cref="MaxEventsPerTransaction"/> events), stores them in one transaction
/// and completes each request only after the commit. Concurrent clients therefore never contend
/// for the database lock, and their batches share one commit (group commit). A group that fails is
/// retried batch by batch, so one bad batch cannot fail its neighbours.
/// </summary>
public sealed partial class DossierEventWriter(IngestionTransaction transaction, ILogger<DossierEventWriter> logger)
{
    public const int MaxEventsPerTransaction = 20_000;

    private readonly Channel<EventBatch> queue = Channel.CreateBounded<EventBatch>(new BoundedChannelOptions(256)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>Stores a batch; the returned outcome means every accepted event is committed.</summary>
    public async Task<BatchOutcome> WriteAsync(IReadOnlyList<IncomingEvent> events, string? scopeUnit, string? keyId, CancellationToken ct)
    {
        var batch = new EventBatch(events, scopeUnit, keyId);
        await queue.Writer.WriteAsync(batch, ct).ConfigureAwait(false);
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
                await WriteGroupAsync(TakeGroup(reader), CancellationToken.None).ConfigureAwait(false);
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
        var events = 0;
        while (events < MaxEventsPerTransaction && reader.TryRead(out var batch))
        {
            group.Add(batch);
            events += batch.Events.Count;
        }

        return group;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} batches failed to commit; retrying them one by one")]
    private static partial void LogGroupRetry(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} events failed to commit; nothing of it was stored")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
