using Scorecard.Domain.Calendar;

namespace Scorecard.Api.Tests.Domain.Calendar;

public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar Tet = Tet2025.Calendar();

    [TestCase("2025-01-24", true)] // Friday
    [TestCase("2025-01-25", false)] // Saturday
    [TestCase("2025-01-27", true)] // Monday before Tết
    [TestCase("2025-01-28", false)] // Tết, last day of the lunar year
    [TestCase("2025-02-03", false)] // compensatory Monday
    [TestCase("2025-02-04", true)]
    public void IsWorkingDay_WhenTet2025_FollowsTable(string day, bool expected)
    {
        Assert.That(Tet.IsWorkingDay(Parse.Day(day)), Is.EqualTo(expected));
    }

    [Test]
    public void IsWorkingDay_WhenMakeUpSaturday_IsTrueAndLastEntryWins()
    {
        var calendar = new WorkCalendar([
            new CalendarDay(new DateOnly(2025, 4, 26), CalendarDayKind.Holiday, "first"),
            new CalendarDay(new DateOnly(2025, 4, 26), CalendarDayKind.WorkingDay, "swapped Saturday"),
        ]);

        Assert.That(calendar.IsWorkingDay(new DateOnly(2025, 4, 26)), Is.True);
    }

    [Test]
    public void AddWorkingDays_WhenFridayAfternoonAcrossTet2025_LandsTuesdayAfterTet()
    {
        // Two working days are 16 office hours. Fri 24 Jan 16:00–17:00 gives 1 h, Mon 27 Jan 8 h; Tue 28 Jan
        // to Mon 3 Feb are Tết holidays, a weekend and the compensatory day; the last 7 h run on Tue 4 Feb,
        // 07:30–11:30 and 13:00–16:00.
        var due = Tet.AddWorkingDays(Parse.At("2025-01-24T16:00:00+07:00"), 2);

        Assert.That(due, Is.EqualTo(Parse.At("2025-02-04T16:00:00+07:00")));
    }

    [TestCase("2023-07-24T10:30:00+07:00", 1, "2023-07-25T10:30:00+07:00")] // Monday → Tuesday, same time
    [TestCase("2023-07-28T10:30:00+07:00", 1, "2023-07-31T10:30:00+07:00")] // Friday → Monday
    // Saturday: Mon 31 Jul and Tue 1 Aug, due when Tuesday's office closes
    [TestCase("2023-07-29T10:30:00+07:00", 2, "2023-08-01T17:00:00+07:00")]
    // Monday 00:00: the clock starts at 07:30; five whole days, Friday 17:00
    [TestCase("2023-07-24T00:00:00+07:00", 5, "2023-07-28T17:00:00+07:00")]
    // eight office hours: 1 h on Monday, 7 h on Tuesday
    [TestCase("2023-07-24T16:00:00+07:00", 1, "2023-07-25T16:00:00+07:00")]
    // before opening: the day's whole office time
    [TestCase("2023-07-24T06:00:00+07:00", 1, "2023-07-24T17:00:00+07:00")]
    [TestCase("2023-07-24T12:00:00+07:00", 0.5, "2023-07-24T17:00:00+07:00")] // lunch break: the clock starts at 13:00
    // half a day = 4 h: 10:00–11:30 and 13:00–15:30
    [TestCase("2023-07-24T10:00:00+07:00", 0.5, "2023-07-24T15:30:00+07:00")]
    [TestCase("2023-07-24T10:30:00+07:00", 0, "2023-07-24T10:30:00+07:00")]
    public void AddWorkingDays_WhenWeekdaysOnly_FollowsDeadlineRule(string start, decimal n, string expected)
    {
        Assert.That(WorkCalendar.WeekdaysOnly.AddWorkingDays(Parse.At(start), n), Is.EqualTo(Parse.At(expected)));
    }

    [Test]
    public void AddWorkingDays_WhenNegative_Throws()
    {
        Assert.That(
            () => Tet.AddWorkingDays(Parse.At("2025-01-24T16:00:00+07:00"), -1),
            Throws.TypeOf<ArgumentOutOfRangeException>()
        );
    }

    [Test]
    public void AddWorkingTime_WhenHoursCrossWeekend_SkipsSaturdayAndSunday()
    {
        // Friday 20:00 is after office hours: the 8 h run on Monday, 07:30–11:30 and 13:00–17:00.
        var due = WorkCalendar.WeekdaysOnly.AddWorkingTime(
            Parse.At("2023-07-28T20:00:00+07:00"),
            TimeSpan.FromHours(8)
        );

        Assert.That(due, Is.EqualTo(Parse.At("2023-07-31T17:00:00+07:00")));
    }

    [Test]
    public void AddWorkingTime_WhenNoWorkingDays_Throws()
    {
        var noWork = new WorkCalendar(
            Enumerable
                .Range(0, 366 * 51)
                .Select(i => new CalendarDay(new DateOnly(2025, 1, 1).AddDays(i), CalendarDayKind.Holiday, "x"))
        );

        Assert.That(
            () => noWork.AddWorkingDays(Parse.At("2025-01-02T00:00:00+07:00"), 1),
            Throws.InvalidOperationException
        );
    }

    [TestCase("2025-01-24T16:00:00+07:00", "2025-02-04T16:00:00+07:00", 2)]
    [TestCase("2025-02-04T16:00:00+07:00", "2025-01-24T16:00:00+07:00", -2)]
    [TestCase("2025-01-24T16:00:00+07:00", "2025-02-04T15:59:00+07:00", 1)]
    [TestCase("2025-01-25T08:00:00+07:00", "2025-01-26T08:00:00+07:00", 0)]
    public void CountWorkingDays_WhenInstants_CountsWholeWorkingDaysOfWorkingTime(string from, string to, int expected)
    {
        Assert.That(Tet.CountWorkingDays(Parse.At(from), Parse.At(to)), Is.EqualTo(expected));
    }

    [Test]
    public void WorkingTimeBetween_WhenAcrossTet_CountsOnlyWorkingDays()
    {
        // Fri 24 Jan 16:00 → 17:00 is 1 h, Mon 27 Jan is 8 h, Tue 4 Feb 07:30 → 09:00 is 1.5 h: 10.5 h.
        var time = Tet.WorkingTimeBetween(Parse.At("2025-01-24T16:00:00+07:00"), Parse.At("2025-02-04T09:00:00+07:00"));

        Assert.That(time, Is.EqualTo(TimeSpan.FromHours(10.5)));
    }

    [Test]
    public void CountWorkingDays_WhenDates_CountsInclusive()
    {
        // January 2025: 23 weekdays minus 1 Jan and Tết 28–31 Jan = 18.
        Assert.That(Tet.CountWorkingDays(new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31)), Is.EqualTo(18));
    }
}
