using System.Diagnostics.Metrics;

namespace Scorecard.Infrastructure.Telemetry;

/// <summary>
/// The service's metrics, on the meter <see cref="ScorecardTelemetry.Name"/> of the host's meter factory
/// (so that each host, a test's included, has its own). Names follow OpenTelemetry's conventions: seconds
/// for durations, bytes for sizes, a <c>scorecard.</c> prefix.
/// </summary>
public sealed class ScorecardMetrics
{
    private readonly Counter<long> events;
    private readonly Histogram<double> commitDuration;
    private readonly Histogram<long> transactionEvents;
    private readonly Histogram<double> refreshLag;
    private readonly Histogram<double> feedDuration;
    private readonly Histogram<long> feedRows;
    private readonly Counter<long> rateLimited;
    private readonly TimeProvider clock;
    private long queuedEvents;
    private long pendingSince;
    private long databaseBytes = -1;

    public ScorecardMetrics(IMeterFactory meters, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(meters);
        this.clock = clock;
        var meter = meters.Create(ScorecardTelemetry.Name);
        events = meter.CreateCounter<long>(
            "scorecard.ingestion.events",
            "{event}",
            "Dossier events posted, by source and outcome (accepted, duplicate, rejected)."
        );
        commitDuration = meter.CreateHistogram<double>(
            "scorecard.ingestion.commit.duration",
            "s",
            "Time an ingestion transaction took to commit, once its batches were written."
        );
        transactionEvents = meter.CreateHistogram<long>(
            "scorecard.ingestion.transaction.events",
            "{event}",
            "Events an ingestion transaction took (the batches of a group commit together)."
        );
        meter.CreateObservableGauge(
            "scorecard.ingestion.queue.events",
            () => Interlocked.Read(ref queuedEvents),
            "{event}",
            "Events waiting for the writer."
        );
        refreshLag = meter.CreateHistogram<double>(
            "scorecard.indicator_values.refresh.lag",
            "s",
            "How far indicator values trailed ingestion: from the first commit a refresh took in to its end."
        );
        meter.CreateObservableGauge(
            "scorecard.indicator_values.lag",
            CurrentLag,
            "s",
            "How long the oldest ingestion commit not yet in the indicator values has waited (0: none waits)."
        );
        feedDuration = meter.CreateHistogram<double>(
            "scorecard.feed.query.duration",
            "s",
            "Time a feed query ran in the database, by entity set."
        );
        feedRows = meter.CreateHistogram<long>(
            "scorecard.feed.query.rows",
            "{row}",
            "Rows (or groups) a feed page returned, by entity set."
        );
        rateLimited = meter.CreateCounter<long>(
            "scorecard.rate_limit.rejections",
            "{request}",
            "Requests refused with 429, by limit (requests: the key's allowance; feed-queries: queries at once)."
        );
        meter.CreateObservableGauge<long>(
            "scorecard.database.size",
            DatabaseSizes,
            "By",
            "Size of the database's data files, sampled every minute."
        );
    }

    /// <summary>What one batch of dossier events came to.</summary>
    public void EventsPosted(string source, int accepted, int duplicates, int rejected)
    {
        var tag = new KeyValuePair<string, object?>("scorecard.source", source);
        Add(accepted, "accepted");
        Add(duplicates, "duplicate");
        Add(rejected, "rejected");

        void Add(int count, string outcome)
        {
            if (count > 0)
            {
                events.Add(count, tag, new KeyValuePair<string, object?>("scorecard.outcome", outcome));
            }
        }
    }

    public void EventsQueued(int count) => Interlocked.Add(ref queuedEvents, count);

    public void EventsTaken(int count) => Interlocked.Add(ref queuedEvents, -count);

    /// <summary>An ingestion transaction committed: its size and commit time; its changes now wait for the
    /// indicator values.</summary>
    public void IngestionCommitted(int eventCount, TimeSpan commit)
    {
        transactionEvents.Record(eventCount);
        commitDuration.Record(commit.TotalSeconds);
        Interlocked.CompareExchange(ref pendingSince, clock.GetTimestamp(), 0);
    }

    /// <summary>A refresh of the indicator values starts: what was committed until now is in what it reads.</summary>
    /// <returns>The timestamp of the first commit it takes in (0: none).</returns>
    public long RefreshStarting() => Interlocked.Exchange(ref pendingSince, 0);

    /// <summary>A refresh ended; <paramref name="since"/> is what <see cref="RefreshStarting"/> answered.</summary>
    public void RefreshDone(long since)
    {
        if (since != 0)
        {
            refreshLag.Record(clock.GetElapsedTime(since).TotalSeconds);
        }
    }

    /// <summary>A refresh failed: its commits wait for the next one.</summary>
    public void RefreshFailed(long since)
    {
        var current = Interlocked.Read(ref pendingSince);
        while (since != 0 && (current == 0 || since < current))
        {
            var seen = Interlocked.CompareExchange(ref pendingSince, since, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    public void FeedQueried(string entitySet, TimeSpan duration) =>
        feedDuration.Record(
            duration.TotalSeconds,
            new KeyValuePair<string, object?>("scorecard.entity_set", entitySet)
        );

    public void FeedRead(string entitySet, int rows) =>
        feedRows.Record(rows, new KeyValuePair<string, object?>("scorecard.entity_set", entitySet));

    /// <param name="limit"><c>requests</c> or <c>feed-queries</c>.</param>
    public void RateLimited(string limit) =>
        rateLimited.Add(1, new KeyValuePair<string, object?>("scorecard.limit", limit));

    public void DatabaseSize(long bytes) => Interlocked.Exchange(ref databaseBytes, bytes);

    private IEnumerable<Measurement<long>> DatabaseSizes() =>
        Interlocked.Read(ref databaseBytes) is var bytes and >= 0 ? [new Measurement<long>(bytes)] : [];

    private double CurrentLag() =>
        Interlocked.Read(ref pendingSince) is var since and not 0 ? clock.GetElapsedTime(since).TotalSeconds : 0;
}
