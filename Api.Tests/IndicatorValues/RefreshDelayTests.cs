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
}
