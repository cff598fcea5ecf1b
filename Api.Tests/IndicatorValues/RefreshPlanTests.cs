using Scorecard.Api.IndicatorValues;
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
}
