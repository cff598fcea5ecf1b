namespace Scorecard.Api.IndicatorValues;

/// <summary>How long the background refresh of <c>indicator_values</c> pauses between two refreshes.</summary>
internal static class RefreshDelay
{
    /// <summary>A refresh that took <c>d</c> is followed by a pause of at least this many times <c>d</c>.</summary>
    public const int BackOffFactor = 10;

    /// <summary>The longest pause between two refreshes, however long the last one took.</summary>
    public static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The pause after a refresh that took <paramref name="took"/>: the configured interval, or
    /// <see cref="BackOffFactor"/> times the refresh when that is longer (so refreshing, its CPU and
    /// its write transaction, takes at most a tenth of the time while ingestion is heavy), never more
    /// than <see cref="MaxInterval"/> (or the configured interval when that is longer still).
    /// </summary>
    public static TimeSpan Next(TimeSpan interval, TimeSpan took)
    {
        var backedOff = took * BackOffFactor;
        var ceiling = Ceiling(interval);
        return backedOff <= interval ? interval
            : backedOff >= ceiling ? ceiling
            : backedOff;
    }

    /// <summary>How long without an ingestion commit ends a burst of events.</summary>
    public static readonly TimeSpan BurstGap = TimeSpan.FromSeconds(2);

    /// <summary>How often a refresh that gives way looks again.</summary>
    public static readonly TimeSpan GiveWayStep = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Whether a refresh that is due waits a little longer: while events are being written (<paramref
    /// name="ingesting"/>: a commit within <see cref="BurstGap"/>), as long as the last refresh ended less than
    /// <see cref="MaxInterval"/> ago (or the configured interval, when longer). A burst of events then does not share
    /// the cores with a refresh whose figures it would make stale at once, and under sustained ingestion the table is
    /// never further behind than the backed-off pause would leave it anyway.
    /// </summary>
    public static bool GivesWay(bool ingesting, TimeSpan sinceLastRefresh, TimeSpan interval) =>
        ingesting && sinceLastRefresh < Ceiling(interval);

    /// <summary>The longest pause: <see cref="MaxInterval"/>, or the configured interval when that is longer.</summary>
    private static TimeSpan Ceiling(TimeSpan interval) => interval > MaxInterval ? interval : MaxInterval;
}
