using Scorecard.Api.IndicatorValues;
using Scorecard.Domain.Periods;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Api.Tests.IndicatorValues;

public sealed class RefreshPlanTests
{
    private static readonly DateOnly March = new(2025, 3, 1);
    private static readonly DateOnly May = new(2025, 5, 1);
    private static readonly MonthRange MarchToMay = new(March, May);

    private static StaleMark Mark(string month) => new(month, 1);

    private static string[] Codes(RefreshPlan plan) => [.. plan.Periods.Select(p => p.Code)];

    [Test]
    public void Of_WhenAMonthIsMarked_RecomputesItsMonthQuarterHalfYearAndYear()
    {
        var plan = RefreshPlan.Of([Mark("2025-04-01")], MarchToMay, March, May);

        Assert.That(plan.Full, Is.False);
        Assert.That(Codes(plan), Is.EquivalentTo(new[] { "2025-04", "2025-Q2", "2025-H1", "2025" }));
        Assert.That(plan.Replaced, Is.EquivalentTo(Codes(plan)));
        Assert.That(plan.Covers, Is.EqualTo(MarchToMay));
    }

    [Test]
    public void Of_WhenEverythingIsMarked_RecomputesEveryPeriodFromTheFirstMonthToNow()
    {
        var plan = RefreshPlan.Of([Mark("2025-04-01"), Mark(StaleMarks.All)], MarchToMay, March, May);

        Assert.That(plan.Full, Is.True);
        Assert.That(plan.Replaced, Is.Null);
        Assert.That(
            Codes(plan),
            Is.EquivalentTo(new[] { "2025-03", "2025-04", "2025-05", "2025-Q1", "2025-Q2", "2025-H1", "2025" })
        );
    }

    [Test]
    public void Of_WhenTheTableIsEmptyAndThereIsData_IsFull()
    {
        var plan = RefreshPlan.Of([], null, March, May);

        Assert.That((plan.Full, plan.Periods.Count, plan.Covers), Is.EqualTo((true, 7, (MonthRange?)MarchToMay)));
    }

    [Test]
    public void Of_WhenDataStartEarlierThanTheTable_IsFull()
    {
        var plan = RefreshPlan.Of([Mark("2025-01-01")], MarchToMay, new DateOnly(2025, 1, 1), May);

        Assert.That(plan.Full, Is.True);
        Assert.That(plan.Covers, Is.EqualTo(new MonthRange(new DateOnly(2025, 1, 1), May)));
    }

    [Test]
    public void Of_WhenTheMonthHasTurned_AddsTheNewMonthsPeriods()
    {
        var plan = RefreshPlan.Of([], new MonthRange(March, new DateOnly(2025, 4, 1)), March, May);

        Assert.That(plan.Full, Is.False);
        Assert.That(Codes(plan), Is.EquivalentTo(new[] { "2025-05", "2025-Q2", "2025-H1", "2025" }));
    }

    [Test]
    public void Of_WhenAMarkIsAfterTheCurrentMonth_LeavesItToTheMonthsTurn()
    {
        var plan = RefreshPlan.Of([Mark("2025-06-01")], MarchToMay, March, May);

        Assert.That((plan.Full, plan.Periods.Count), Is.EqualTo((false, 0)));
    }

    [Test]
    public void Of_WhenThereIsNoDataAnyMore_EmptiesTheTable()
    {
        var plan = RefreshPlan.Of([Mark("2025-04-01")], MarchToMay, null, May);

        Assert.That((plan.Full, plan.Periods.Count, plan.Covers), Is.EqualTo((true, 0, (MonthRange?)null)));
    }

    [Test]
    public void Of_WhenThereIsNoDataAndNoRows_DoesNothing()
    {
        var plan = RefreshPlan.Of([Mark(StaleMarks.All)], null, null, May);

        Assert.That(plan.Periods, Is.Empty);
        Assert.That(plan.Covers, Is.Null);
    }

    [Test]
    public void Steps_UnderABudget_HoldConsecutivePeriodsUpToItAndAPeriodAboveItAlone()
    {
        // March to May, by first day and then shortest: 2025-Q1, 2025-H1, 2025, 2025-03, 2025-04, 2025-Q2, 2025-05;
        // the year counts 250 rows, every other period 100.
        var plan = RefreshPlan.Of([Mark(StaleMarks.All)], MarchToMay, March, May);

        var steps = plan.Steps(p => p.Code == "2025" ? 250 : 100, 300);

        Assert.That(
            steps.Select(s => string.Join(" ", s.Select(p => p.Code))),
            Is.EqualTo(new[] { "2025-Q1 2025-H1", "2025", "2025-03 2025-04 2025-Q2", "2025-05" })
        );
        Assert.That(steps.SelectMany(s => s), Is.EqualTo(plan.Periods), "every period once, in the plan's order");
    }

    [Test]
    public void Steps_OfAPlanWithoutPeriods_AreOneEmptyStep()
    {
        var plan = RefreshPlan.Of([Mark(StaleMarks.All)], MarchToMay, null, May);

        Assert.That(plan.Steps(_ => 100, 1_000), Has.Count.EqualTo(1).And.All.Empty);
    }

    [Test]
    public void ReplacedBy_TheLastStepOfAFullPlan_AlsoReplacesTheStoredPeriodsNoLongerComputed()
    {
        // The table holds January to May; the data now start in March: the rows of January and February go, while
        // 2025-Q1 is still computed (March is in it).
        var plan = RefreshPlan.Of([], new MonthRange(new DateOnly(2025, 1, 1), May), March, May);
        var steps = plan.Steps(_ => 100, 300);

        Assert.That(plan.Full, Is.True);
        Assert.That(plan.ReplacedBy(steps[0], last: false, plan.Covers), Is.EquivalentTo(Codes(steps[0])));
        Assert.That(
            plan.ReplacedBy(steps[^1], last: true, new MonthRange(new DateOnly(2025, 1, 1), May)),
            Is.EquivalentTo(Codes(steps[^1]).Concat(["2025-01", "2025-02"]))
        );
    }

    private static string[] Codes(IEnumerable<Period> periods) => [.. periods.Select(p => p.Code)];
}
