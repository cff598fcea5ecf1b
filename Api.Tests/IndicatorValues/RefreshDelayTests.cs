using Scorecard.Api.IndicatorValues;

namespace Scorecard.Api.Tests.IndicatorValues;

/// <summary>The pause between background refreshes: the configured interval, stretched after a long refresh.</summary>
public sealed class RefreshDelayTests
{
    [TestCase(5, 0, 5)]
    [TestCase(5, 100, 5)]
    [TestCase(5, 500, 5)] // 10 × 0.5 s = the interval itself
    [TestCase(5, 1200, 12)] // a 1.2 s refresh: 12 s of ingestion before the next
    [TestCase(5, 5999, 59.99)]
    [TestCase(5, 6000, 60)]
    [TestCase(5, 30000, 60)] // never more than a minute behind
    [TestCase(3600, 1000, 3600)]
    [TestCase(3600, 1_000_000, 3600)] // a configured interval longer than the ceiling stays the ceiling
    public void NextDelay_IsTenTimesTheRefreshBetweenTheIntervalAndAMinute(
        int intervalSeconds,
        int tookMs,
        double expectedSeconds
    )
    {
        var delay = RefreshDelay.Next(TimeSpan.FromSeconds(intervalSeconds), TimeSpan.FromMilliseconds(tookMs));

        Assert.That(delay.TotalSeconds, Is.EqualTo(expectedSeconds).Within(1e-9));
    }

    [TestCase(true, 0, 5, true)] // events are being written: the refresh waits
    [TestCase(true, 59.9, 5, true)]
    [TestCase(true, 60, 5, false)] // a minute since the last refresh: it runs, ingesting or not
    [TestCase(true, 120, 3600, true)] // a configured interval longer than a minute is the bound
    [TestCase(false, 10, 5, false)] // no commit lately: it runs
    public void GivesWay_WhileIngestingAndUpToAMinuteAfterTheLastRefresh(
        bool ingesting,
        double sinceLastSeconds,
        int intervalSeconds,
        bool expected
    )
    {
        Assert.That(
            RefreshDelay.GivesWay(
                ingesting,
                TimeSpan.FromSeconds(sinceLastSeconds),
                TimeSpan.FromSeconds(intervalSeconds)
            ),
            Is.EqualTo(expected)
        );
    }

    [Test]
    public void Pulse_TellsWhetherTheWriterCommittedWithinAWindow()
    {
        var clock = new StepClock();
        var pulse = new Scorecard.Infrastructure.Ingestion.IngestionPulse(clock);

        var before = pulse.CommittedWithin(TimeSpan.FromSeconds(2));
        pulse.Committed();
        clock.Now += TimeSpan.FromSeconds(1).Ticks;
        var soon = pulse.CommittedWithin(TimeSpan.FromSeconds(2));
        clock.Now += TimeSpan.FromSeconds(1.5).Ticks;
        var later = pulse.CommittedWithin(TimeSpan.FromSeconds(2));

        Assert.That((before, soon, later), Is.EqualTo((false, true, false)));
    }

    /// <summary>Timestamps that move only when the test moves them.</summary>
    private sealed class StepClock : TimeProvider
    {
        public long Now { get; set; } = 1_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Now;
    }
}
