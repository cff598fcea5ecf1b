using Scorecard.Domain.Indicators;
using Scorecard.Domain.Scoring;

namespace Scorecard.Api.Tests.Domain.Scoring;

public sealed class CompositeScoreTests
{
    private static Dictionary<string, decimal?> AllValues() =>
        new()
        {
            [IndicatorCodes.OnTime] = 90, // 20 × 90/100 = 18
            [IndicatorCodes.OnlineSubmission] = 60, // 6 × 60/50 = 7.2, capped at 6
            [IndicatorCodes.OnlinePayment] = 25, // 6 × 25/100 = 1.5
            [IndicatorCodes.Digitisation] = 40, // 4 × 40/80 = 2
            [IndicatorCodes.EResult] = 50, // 6 × 50/100 = 3
            [IndicatorCodes.PopulationDb] = 100, // 2
            [IndicatorCodes.OnlineService] = 80, // 2 × 80/80 = 2
        };

    [Test]
    public void Compute_WhenAllIndicators_IsPercentOfFortySix()
    {
        // 18 + 6 + 1.5 + 2 + 3 + 2 + 2 = 34.5 of 20 + 6 + 6 + 4 + 6 + 2 + 2 = 46: 75.00.
        Assert.That(CompositeScore.Compute(AllValues(), DefaultScoreWeights.All), Is.EqualTo(75m));
    }

    [Test]
    public void Compute_WhenIndicatorMissingOrNull_LeavesItOutOfScoreAndMaximum()
    {
        var values = AllValues();
        values[IndicatorCodes.OnlinePayment] = null; // no dossier with a fee
        values.Remove(IndicatorCodes.EResult); // not computed at all

        // 34.5 − 1.5 − 3 = 30 points of 46 − 6 − 6 = 34: 88.235… → 88.24.
        Assert.That(CompositeScore.Compute(values, DefaultScoreWeights.All), Is.EqualTo(88.24m));
    }

    [Test]
    public void Compute_WhenOneMissing_DiffersFromCountingItAsZero()
    {
        var missing = AllValues();
        missing[IndicatorCodes.OnlinePayment] = null;
        var zero = AllValues();
        zero[IndicatorCodes.OnlinePayment] = 0;

        // Missing: 33 of 40 = 82.50. Zero: 33 of 46 = 71.739… → 71.74.
        Assert.That(CompositeScore.Compute(missing, DefaultScoreWeights.All), Is.EqualTo(82.5m));
        Assert.That(CompositeScore.Compute(zero, DefaultScoreWeights.All), Is.EqualTo(71.74m));
    }

    [Test]
    public void Compute_WhenNothingApplies_IsNull()
    {
        Assert.That(CompositeScore.Compute(new Dictionary<string, decimal?>(), DefaultScoreWeights.All), Is.Null);
        Assert.That(
            CompositeScore.Compute(new Dictionary<string, decimal?> { ["ict-index"] = 50 }, DefaultScoreWeights.All),
            Is.Null
        );
    }

    [Test]
    public void Compute_WhenNegativeValueOrDegenerateWeight_ClampsAndSkips()
    {
        var values = new Dictionary<string, decimal?>
        {
            ["a"] = -10,
            ["b"] = 50,
            ["c"] = 50,
        };
        ScoreWeight[] weights = [new("a", 10, 100), new("b", 10, 100), new("c", 10, 0)];

        // a: 0 of 10, b: 5 of 10, c skipped (fullAt 0): 5 of 20 = 25 %.
        Assert.That(CompositeScore.Compute(values, weights), Is.EqualTo(25m));
    }

    [Test]
    public void DefaultScoreWeights_WhenSummed_IsFortySix()
    {
        Assert.That(DefaultScoreWeights.All.Sum(w => w.MaxPoints), Is.EqualTo(46m));
        Assert.That(
            DefaultScoreWeights.All.Select(w => w.Indicator),
            Is.EquivalentTo(IndicatorCodes.DossierBased.Take(6).Append(IndicatorCodes.OnlineService))
        );
    }
}
