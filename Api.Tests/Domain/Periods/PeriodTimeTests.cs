using Scorecard.Domain.Periods;

namespace Scorecard.Api.Tests.Domain.Periods;

public sealed class PeriodTimeTests
{
    [Test]
    public void StartEnd_WhenMonth_AreVietnamMidnightsInUtc()
    {
        var july = Period.Month(2023, 7);

        // 2023-07-01 00:00+07:00 = 2023-06-30 17:00Z; end is 2023-08-01 00:00+07:00 = 2023-07-31 17:00Z.
        Assert.That(july.Start, Is.EqualTo(Parse.At("2023-06-30T17:00:00Z")));
        Assert.That(july.End, Is.EqualTo(Parse.At("2023-07-31T17:00:00Z")));
        Assert.That(july.Start.Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [TestCase("2023-07-31T23:59:59+07:00", true)]
    [TestCase("2023-08-01T00:00:00+07:00", false)]
    [TestCase("2023-07-31T16:59:59Z", true)]
    [TestCase("2023-07-31T17:00:00Z", false)]
    [TestCase("2023-08-01T00:00:00Z", false)] // 07:00 in Vietnam on 1 August
    [TestCase("2023-07-01T00:00:00+07:00", true)]
    [TestCase("2023-06-30T23:59:59+07:00", false)]
    [TestCase("2023-07-01T00:00:00Z", true)] // 07:00 in Vietnam on 1 July
    [TestCase("2023-06-30T17:00:00Z", true)]
    public void Contains_WhenInstantNearMonthEdge_UsesVietnamDays(string instant, bool expected)
    {
        Assert.That(Period.Month(2023, 7).Contains(Parse.At(instant)), Is.EqualTo(expected));
    }

    [TestCase("2023-07-31", true)]
    [TestCase("2023-08-01", false)]
    public void Contains_WhenDate_IsInclusive(string day, bool expected)
    {
        Assert.That(Period.Month(2023, 7).Contains(Parse.Day(day)), Is.EqualTo(expected));
    }

    [TestCase("2023-07-31T16:59:59Z", false)]
    [TestCase("2023-07-31T17:00:00Z", true)]
    [TestCase("2024-01-01T00:00:00+07:00", true)]
    public void IsClosedAt_WhenAsOfAtOrAfterEnd_IsTrue(string asOf, bool expected)
    {
        Assert.That(Period.Month(2023, 7).IsClosedAt(Parse.At(asOf)), Is.EqualTo(expected));
    }

    [Test]
    public void Split_WhenDaysOfRange_GivesEachDay()
    {
        var codes = Period.Parse("2023-02-27..2023-03-02").Split(SeriesInterval.Day).Select(p => p.Code);

        Assert.That(string.Join(",", codes), Is.EqualTo("2023-02-27,2023-02-28,2023-03-01,2023-03-02"));
    }

    [Test]
    public void Split_WhenWeeksOfMonth_GivesWholeOverlappingIsoWeeks()
    {
        // January 2021 starts on a Friday inside 2020-W53 and ends on Sunday of 2021-W04.
        var weeks = Period.Month(2021, 1).Split(SeriesInterval.Week).ToList();

        Assert.That(
            string.Join(",", weeks.Select(p => p.Code)),
            Is.EqualTo("2020-W53,2021-W01,2021-W02,2021-W03,2021-W04")
        );
        Assert.That(weeks[0].FirstDay, Is.EqualTo(new DateOnly(2020, 12, 28)));
    }

    [Test]
    public void Split_WhenMonthsOfWeek_GivesBothMonths()
    {
        var months = Period.Parse("2023-W05").Split(SeriesInterval.Month).Select(p => p.Code);

        // 2023-W05 is 30 Jan to 5 Feb.
        Assert.That(string.Join(",", months), Is.EqualTo("2023-01,2023-02"));
    }

    [Test]
    public void Split_WhenMonthsOfYear_GivesTwelve()
    {
        Assert.That(Period.Year(2023).Split(SeriesInterval.Month).Count(), Is.EqualTo(12));
    }

    [Test]
    public void Split_WhenUnknownInterval_Throws()
    {
        Assert.That(
            () => Period.Year(2023).Split((SeriesInterval)9).ToList(),
            Throws.TypeOf<ArgumentOutOfRangeException>()
        );
    }
}
