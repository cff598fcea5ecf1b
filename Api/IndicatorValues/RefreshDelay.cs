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
        var ceiling = interval > MaxInterval ? interval : MaxInterval;
        return backedOff <= interval ? interval
            : backedOff >= ceiling ? ceiling
            : backedOff;
    }
}
