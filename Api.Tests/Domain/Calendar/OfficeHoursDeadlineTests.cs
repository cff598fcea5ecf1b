using Scorecard.Domain.Calendar;
using Scorecard.Domain.Procedures;

namespace Scorecard.Api.Tests.Domain.Calendar;

/// <summary>Deadlines on office time: hand-worked from the default hours 07:30–11:30 and 13:00–17:00, cut-off
/// 15:00.</summary>
public sealed class OfficeHoursDeadlineTests
{
    /// <summary>National Day 2025: Monday 1 and Tuesday 2 September are holidays.</summary>
    private static readonly WorkCalendar NationalDay2025 = new([
        new CalendarDay(new DateOnly(2025, 9, 1), CalendarDayKind.Holiday, "Quốc khánh (nghỉ thêm)"),
        new CalendarDay(new DateOnly(2025, 9, 2), CalendarDayKind.Holiday, "Quốc khánh"),
    ]);

    [Test]
    public void DueFrom_WhenFourHoursReceivedFridayAt1645BeforeAHoliday_RunsOnWednesday()
    {
        // Friday 16:45–17:00 gives 0.25 h; Saturday to Tuesday run nothing; Wednesday 07:30 + 3.75 h = 11:15.
        var due = new ProcessingTime(4, ProcessingTimeUnit.Hours).DueFrom(
            Parse.At("2025-08-29T16:45:00+07:00"),
            NationalDay2025
        );

        Assert.That(due, Is.EqualTo(Parse.At("2025-09-03T11:15:00+07:00")));
    }

    [TestCase("2025-08-25T14:59:00+07:00", "2025-08-25T17:00:00+07:00")] // Monday before the cut-off: end of Monday
    [TestCase("2025-08-25T15:00:00+07:00", "2025-08-26T17:00:00+07:00")] // at the cut-off: end of the next working day
    [TestCase("2025-08-25T06:30:00+07:00", "2025-08-25T17:00:00+07:00")] // before opening: the same day
    // Friday after the cut-off, before the holiday: Wednesday
    [TestCase("2025-08-29T15:30:00+07:00", "2025-09-03T17:00:00+07:00")]
    [TestCase("2025-08-30T09:00:00+07:00", "2025-09-03T17:00:00+07:00")] // Saturday: the next working day
    public void DueFrom_WhenSameDay_IsTheEndOfTheDayOrOfTheNextWorkingDayAfterTheCutoff(
        string received,
        string expected
    )
    {
        var due = new ProcessingTime(1, ProcessingTimeUnit.SameDay).DueFrom(Parse.At(received), NationalDay2025);

        Assert.That(due, Is.EqualTo(Parse.At(expected)));
    }

    [Test]
    public void DueFrom_WhenHalfAWorkingDayReceivedFridayAfternoonBeforeAHoliday_EndsOnTheNextWorkingMorning()
    {
        // 4 h from Friday 29 Aug 15:00: 2 h to 17:00, then Wednesday 3 Sep 07:30–09:30 (Monday and Tuesday are
        // holidays).
        var due = new ProcessingTime(0.5m, ProcessingTimeUnit.WorkingDays).DueFrom(
            Parse.At("2025-08-29T15:00:00+07:00"),
            NationalDay2025
        );

        Assert.That(due, Is.EqualTo(Parse.At("2025-09-03T09:30:00+07:00")));
    }

    [Test]
    public void AddWorkingDays_WhenOfficeHoursChangeOnADate_UsesTheHoursInForceEachDay()
    {
        // From Mon 2 Jun 2025 the office opens 07:00–11:00 only. One working day (8 h, the length of a day
        // where the count starts) from Fri 30 May 16:00: 1 h on Friday, 4 h on Monday, 3 h on Tuesday.
        var calendar = new WorkCalendar(
            [],
            [
                OfficeHours.Default,
                new OfficeHours(
                    new DateOnly(2025, 6, 2),
                    [new OfficePeriod(new TimeOnly(7, 0), new TimeOnly(11, 0))],
                    new TimeOnly(10, 0)
                ),
            ]
        );

        Assert.That(
            calendar.AddWorkingDays(Parse.At("2025-05-30T16:00:00+07:00"), 1),
            Is.EqualTo(Parse.At("2025-06-03T10:00:00+07:00"))
        );
        Assert.That(calendar.HoursOn(new DateOnly(2025, 6, 1)).WorkingDay, Is.EqualTo(TimeSpan.FromHours(8)));
        Assert.That(calendar.HoursOn(new DateOnly(2025, 6, 2)).WorkingDay, Is.EqualTo(TimeSpan.FromHours(4)));
    }

    [TestCase("13:00-17:00,07:30-11:30", "precedes")]
    [TestCase("07:30-07:30", "ends before it starts")]
    [TestCase("", "at least one span")]
    public void Problem_WhenSpansAreNotUsable_SaysWhy(string spans, string expected)
    {
        var periods =
            spans.Length == 0
                ? []
                : spans
                    .Split(',')
                    .Select(s => new OfficePeriod(
                        TimeOnly.Parse(s.Split('-')[0], Parse.Culture),
                        TimeOnly.Parse(s.Split('-')[1], Parse.Culture)
                    ))
                    .ToList();

        Assert.That(
            new OfficeHours(new DateOnly(2025, 1, 1), periods, new TimeOnly(15, 0)).Problem(),
            Does.Contain(expected)
        );
    }
}
