using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Procedures;

namespace Scorecard.Api.Tests.Domain.Procedures;

public sealed class ProcedureTests
{
    [TestCase(5, ProcessingTimeUnit.WorkingDays, "2023-07-31T09:00:00+07:00")] // Mon 09:00 + 5 working days
    [TestCase(5, ProcessingTimeUnit.Days, "2023-07-29T09:00:00+07:00")] // calendar days: Saturday
    [TestCase(8, ProcessingTimeUnit.Hours, "2023-07-25T09:00:00+07:00")] // 6.5 office hours on Monday, 1.5 on Tuesday
    [TestCase(24, ProcessingTimeUnit.Hours, "2023-07-27T09:00:00+07:00")] // three working days of office time
    [TestCase(0.5, ProcessingTimeUnit.WorkingDays, "2023-07-24T14:30:00+07:00")] // 4 h: 09:00–11:30 and 13:00–14:30
    [TestCase(1, ProcessingTimeUnit.SameDay, "2023-07-24T17:00:00+07:00")] // before the 15:00 cut-off: end of the day
    public void DueFrom_WhenUnit_CountsThatUnit(decimal value, ProcessingTimeUnit unit, string expected)
    {
        var due = new ProcessingTime(value, unit).DueFrom(
            Parse.At("2023-07-24T09:00:00+07:00"),
            WorkCalendar.WeekdaysOnly
        );

        Assert.That(due, Is.EqualTo(Parse.At(expected)));
    }

    [Test]
    public void DueFrom_WhenUnknownUnitOrNegative_Throws()
    {
        var at = Parse.At("2023-07-24T09:00:00+07:00");
        Assert.That(
            () => new ProcessingTime(1, (ProcessingTimeUnit)7).DueFrom(at, WorkCalendar.WeekdaysOnly),
            Throws.InvalidOperationException
        );
        Assert.That(
            () => new ProcessingTime(-1, ProcessingTimeUnit.Days).DueFrom(at, WorkCalendar.WeekdaysOnly),
            Throws.TypeOf<ArgumentOutOfRangeException>()
        );
    }

    [TestCase(null, null, "2023-07-01", false)]
    [TestCase("2023-07-01", null, "2023-06-30", false)]
    [TestCase("2023-07-01", null, "2023-07-01", true)]
    [TestCase("2023-07-01", "2023-07-31", "2023-07-31", true)]
    [TestCase("2023-07-01", "2023-07-31", "2023-08-01", false)]
    [TestCase(null, "2023-07-31", "2020-01-01", true)]
    public void IsOnlineOnlyOn_WhenWindow_IsInclusive(string? from, string? to, string day, bool expected)
    {
        var p = new ProcedureBuilder()
            .OnlineOnly(from is null ? null : Parse.Day(from), to is null ? null : Parse.Day(to))
            .Build();

        Assert.That(p.IsOnlineOnlyOn(Parse.Day(day)), Is.EqualTo(expected));
    }
}
