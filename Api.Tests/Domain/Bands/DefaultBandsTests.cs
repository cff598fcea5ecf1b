using Scorecard.Domain.Bands;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;

namespace Scorecard.Api.Tests.Domain.Bands;

public sealed class DefaultBandsTests
{
    private static readonly Period Half = Period.Parse("2023-H2");

    [TestCase(null, "none")]
    [TestCase(0, "red")]
    [TestCase(69.99, "red")]
    [TestCase(70, "orange")]
    [TestCase(79.99, "orange")]
    [TestCase(80, "yellow")]
    [TestCase(89.99, "yellow")]
    [TestCase(90, "green")]
    [TestCase(100, "green")]
    public void ColorFor_WhenOnTimeAtEdges_UsesInclusiveLowerBounds(decimal? value, string expected)
    {
        Assert.That(DefaultBands.For(IndicatorCodes.OnTime)!.ColorFor(value, Half), Is.EqualTo(expected));
    }

    [TestCase(IndicatorCodes.OnlineService, 49.99, "red")]
    [TestCase(IndicatorCodes.OnlineService, 50, "green")]
    [TestCase(IndicatorCodes.OnlineSubmission, 49.99, "red")]
    [TestCase(IndicatorCodes.OnlineSubmission, 50, "green")]
    [TestCase(IndicatorCodes.OnlinePayment, 24.99, "red")]
    [TestCase(IndicatorCodes.OnlinePayment, 25, "green")]
    [TestCase(IndicatorCodes.OnlinePayment, 100, "green")]
    [TestCase(IndicatorCodes.Digitisation, 49.99, "red")]
    [TestCase(IndicatorCodes.Digitisation, 50, "yellow")]
    [TestCase(IndicatorCodes.Digitisation, 79.99, "yellow")]
    [TestCase(IndicatorCodes.Digitisation, 80, "green")]
    [TestCase(IndicatorCodes.EResult, 80, "green")]
    [TestCase(IndicatorCodes.EResult, 0, "red")]
    [TestCase(IndicatorCodes.PopulationDb, 50, "yellow")]
    [TestCase(IndicatorCodes.PopulationDb, 100, "green")]
    public void ColorFor_WhenOtherBuiltIns_FollowsSpecDefaults(string indicator, decimal value, string expected)
    {
        Assert.That(DefaultBands.For(indicator)!.ColorFor(value, Half), Is.EqualTo(expected));
    }

    [Test]
    public void For_WhenReportedIndicator_IsNull()
    {
        Assert.That(DefaultBands.For("ict-index"), Is.Null);
        // Every built-in has bands but the channel shares, for which no threshold exists.
        Assert.That(
            DefaultBands.All.Keys,
            Is.EquivalentTo(
                IndicatorCodes.All.Except([
                    IndicatorCodes.ChannelOnline,
                    IndicatorCodes.ChannelDirect,
                    IndicatorCodes.ChannelPostal,
                ])
            )
        );
    }

    [Test]
    public void ColorFor_WhenPeriodBeforeDefaults_IsNone()
    {
        Assert.That(
            DefaultBands.For(IndicatorCodes.OnTime)!.ColorFor(95, Period.Year(2019)),
            Is.EqualTo(BandColors.None)
        );
    }
}
