using Scorecard.Domain.Periods;

namespace Scorecard.Api.Tests.Domain.Periods;

public sealed class CalendarPeriodsTests
{
    [TestCase("2024-01-01", "2024-01", "2024-Q1", "2024-H1", "2024")]
    [TestCase("2024-06-30", "2024-06", "2024-Q2", "2024-H1", "2024")]
    [TestCase("2024-07-01", "2024-07", "2024-Q3", "2024-H2", "2024")]
    [TestCase("2024-12-31", "2024-12", "2024-Q4", "2024-H2", "2024")]
    public void Containing_AnyDay_GivesItsMonthQuarterHalfYearAndYear(
        string day,
        string month,
        string quarter,
        string half,
        string year
    )
    {
        var periods = CalendarPeriods.Containing(
            DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)
        );

        Assert.That(periods.Select(p => p.Code), Is.EqualTo(new[] { month, quarter, half, year }));
    }

    [Test]
    public void Overlapping_AcrossAYearEnd_GivesEachPeriodOnceInOrder()
    {
        var periods = CalendarPeriods.Overlapping(new DateOnly(2024, 11, 1), new DateOnly(2025, 1, 1));

        Assert.That(
            periods.Select(p => p.Code),
            Is.EqualTo(
                new[] { "2024", "2024-H2", "2024-Q4", "2024-11", "2024-12", "2025-01", "2025-Q1", "2025-H1", "2025" }
            )
        );
    }

    [Test]
    public void Months_WhenLastIsBeforeFirst_AreNone()
    {
        Assert.That(CalendarPeriods.Months(new DateOnly(2025, 5, 1), new DateOnly(2025, 4, 1)), Is.Empty);
    }

    [TestCase(PeriodKind.Month, true)]
    [TestCase(PeriodKind.Quarter, true)]
    [TestCase(PeriodKind.HalfYear, true)]
    [TestCase(PeriodKind.Year, true)]
    [TestCase(PeriodKind.Week, false)]
    [TestCase(PeriodKind.Day, false)]
    [TestCase(PeriodKind.Range, false)]
    public void IsCalendar_ForEachKind_IsTrueForMonthsToYears(PeriodKind kind, bool expected)
    {
        Assert.That(CalendarPeriods.IsCalendar(kind), Is.EqualTo(expected));
    }
}
