using Scorecard.Domain.Indicators;

namespace Scorecard.Api.Tests.Domain.Indicators;

public sealed class RatioTests
{
    [TestCase(1, 3, 33.33)] // 33.333…
    [TestCase(2, 3, 66.67)] // 66.666…
    [TestCase(1, 800, 0.13)] // 0.125 exactly: midpoint rounds away from zero
    [TestCase(3, 800, 0.38)] // 0.375 exactly
    [TestCase(0, 5, 0)]
    [TestCase(5, 5, 100)]
    public void Percent_WhenDenominatorPositive_RoundsToTwoDecimalsAwayFromZero(long n, long d, decimal expected)
    {
        Assert.That(new Ratio(n, d).Percent, Is.EqualTo(expected));
    }

    [Test]
    public void Percent_WhenDenominatorZero_IsNull()
    {
        Assert.That(new Ratio(0, 0).Percent, Is.Null);
        Assert.That(Ratio.Zero.Percent, Is.Null);
    }

    [Test]
    public void Plus_WhenTwoRatios_AddsNumeratorsAndDenominators()
    {
        Assert.That(new Ratio(1, 2) + new Ratio(3, 4), Is.EqualTo(new Ratio(4, 6)));
    }

    [TestCase(true, true, 1, 1)]
    [TestCase(true, false, 0, 1)]
    [TestCase(false, true, 0, 0)]
    public void Of_WhenFlags_GivesUnitRatio(bool inDenominator, bool inNumerator, long n, long d)
    {
        Assert.That(Ratio.Of(inDenominator, inNumerator), Is.EqualTo(new Ratio(n, d)));
    }

    [Test]
    public void Sum_WhenRollupOfThreeUnits_IsSumOverSumNotMeanOfRatios()
    {
        // Units: 9/10 = 90 %, 1/2 = 50 %, 80/100 = 80 %.
        var units = new[] { new Ratio(9, 10), new Ratio(1, 2), new Ratio(80, 100) };

        var rollup = Ratio.Sum(units);

        // (9 + 1 + 80) / (10 + 2 + 100) = 90 / 112 = 80.357… → 80.36; the mean of ratios (90 + 50 + 80) / 3 = 73.33.
        var meanOfRatios = Math.Round(units.Average(r => r.Percent!.Value), 2);
        Assert.That(rollup, Is.EqualTo(new Ratio(90, 112)));
        Assert.That(rollup.Percent, Is.EqualTo(80.36m));
        Assert.That(meanOfRatios, Is.EqualTo(73.33m));
        Assert.That(rollup.Percent, Is.Not.EqualTo(meanOfRatios));
    }

    [Test]
    public void Sum_WhenEmpty_IsZeroOverZero()
    {
        Assert.That(Ratio.Sum([]), Is.EqualTo(Ratio.Zero));
    }

    [Test]
    public void IndicatorCodes_WhenListed_HaveEveryBuiltInOnce()
    {
        // 12 counted from dossiers, satisfaction derived from two of them, 4 counting procedures.
        Assert.That(IndicatorCodes.All, Has.Count.EqualTo(17).And.Unique);
        Assert.That(IndicatorCodes.DossierBased, Has.Count.EqualTo(12).And.No.Contains(IndicatorCodes.OnlineService));
        Assert.That(IndicatorCodes.ProcedureBased, Has.Count.EqualTo(4).And.No.Contains(IndicatorCodes.OnTime));
        Assert.That(IndicatorCodes.IsBuiltIn("e-result"), Is.True);
        Assert.That(IndicatorCodes.IsBuiltIn("ict-index"), Is.False);
    }
}
