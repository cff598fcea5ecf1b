using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Api.Tests.Domain.Calendar;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Procedures;

namespace Scorecard.Api.Tests.Domain.Dossiers;

public sealed class TimelinessTests
{
    private static readonly DateTimeOffset AsOf = Parse.At("2023-12-31T00:00:00+07:00");

    // Received Mon 2023-07-24 09:00, 5 working days: due Mon 2023-07-31 09:00.
    [TestCase("2023-07-28T16:00:00+07:00", Timeliness.Early)] // Friday
    [TestCase("2023-07-30T23:59:59+07:00", Timeliness.Early)] // the day before the due day
    [TestCase("2023-07-31T08:00:00+07:00", Timeliness.OnTime)] // due day, before the due time
    [TestCase("2023-07-31T09:00:00+07:00", Timeliness.OnTime)] // exactly at the due instant
    [TestCase("2023-07-31T09:01:00+07:00", Timeliness.Late)] // a minute late
    [TestCase("2023-08-01T08:00:00+07:00", Timeliness.Late)]
    public void Classify_WhenFinishedAroundDueDay_IsEarlyOnTimeOrLate(string finishedAt, Timeliness expected)
    {
        var d = new DossierBuilder().FinishedAt(finishedAt).Build();

        Assert.That(d.DueAt, Is.EqualTo(Parse.At("2023-07-31T09:00:00+07:00")));
        Assert.That(TimelinessRules.Classify(d, AsOf, WorkCalendar.WeekdaysOnly), Is.EqualTo(expected));
    }

    [Test]
    public void Classify_WhenFridayAfternoonAcrossTet2025_DueTuesdayAfterTet()
    {
        // Fri 24 Jan 16:00 + 2 working days = Tue 4 Feb 16:00 (see WorkCalendarTests for the arithmetic).
        var procedure = new ProcedureBuilder().Takes(2, ProcessingTimeUnit.WorkingDays).Build();
        var builder = new DossierBuilder()
            .For(procedure)
            .On(Tet2025.Calendar())
            .ReceivedAt("2025-01-24T16:00:00+07:00");

        var early = builder.Build() with { FinishedAt = Parse.At("2025-02-03T10:00:00+07:00") };
        var late = builder.FinishedAt("2025-02-04T16:01:00+07:00").Build();

        Assert.That(late.DueAt, Is.EqualTo(Parse.At("2025-02-04T16:00:00+07:00")));
        Assert.That(TimelinessRules.Classify(early, AsOf, Tet2025.Calendar()), Is.EqualTo(Timeliness.Early));
        Assert.That(TimelinessRules.Classify(late, AsOf, Tet2025.Calendar()), Is.EqualTo(Timeliness.Late));
        Assert.That(
            TimelinessRules.Classify(
                late with
                {
                    FinishedAt = null,
                },
                Parse.At("2025-02-03T23:00:00+07:00"),
                Tet2025.Calendar()
            ),
            Is.EqualTo(Timeliness.InTime)
        );
    }

    [TestCase("2023-07-31T09:00:00+07:00", Timeliness.InTime)]
    [TestCase("2023-07-31T09:00:01+07:00", Timeliness.Overdue)]
    public void Classify_WhenOpen_IsInTimeUntilTheDueInstant(string asOf, Timeliness expected)
    {
        Assert.That(
            TimelinessRules.Classify(new DossierBuilder().Build(), Parse.At(asOf), WorkCalendar.WeekdaysOnly),
            Is.EqualTo(expected)
        );
    }

    [Test]
    public void Classify_WhenNoDeadline_IsOnTimeOrInTime()
    {
        var builder = new DossierBuilder().For(new ProcedureBuilder().NoProcessingTime().Build());

        Assert.That(
            TimelinessRules.Classify(builder.Build(), AsOf, WorkCalendar.WeekdaysOnly),
            Is.EqualTo(Timeliness.InTime)
        );
        Assert.That(
            TimelinessRules.Classify(
                builder.FinishedAt("2025-01-01T00:00:00+07:00").Build(),
                AsOf,
                WorkCalendar.WeekdaysOnly
            ),
            Is.EqualTo(Timeliness.OnTime)
        );
    }

    [TestCase(DossierEventType.Withdrawn)]
    [TestCase(DossierEventType.Refused)]
    public void Classify_WhenWithdrawnOrRefused_IsNull(DossierEventType type)
    {
        var d = new DossierBuilder().Event(type, "2023-07-25T09:00:00+07:00").Build();

        Assert.That(TimelinessRules.Classify(d, AsOf, WorkCalendar.WeekdaysOnly), Is.Null);
    }

    [TestCase("2023-08-01T00:00:00+07:00", "2023-07-31")]
    [TestCase("2023-08-01T00:00:01+07:00", "2023-08-01")]
    public void DueDay_WhenMidnight_IsPreviousDay(string due, string expected)
    {
        Assert.That(TimelinessRules.DueDay(Parse.At(due)), Is.EqualTo(Parse.Day(expected)));
    }

    [Test]
    public void Classify_WhenReceivedSaturday_DueDayIsLastWorkingDay()
    {
        // Sat 29 Jul: clock starts Mon 31 Jul 07:30; 2 working days end Tue 1 Aug 17:00. Finishing Tuesday is on time,
        // Monday early.
        var builder = new DossierBuilder()
            .For(new ProcedureBuilder().Takes(2, ProcessingTimeUnit.WorkingDays).Build())
            .ReceivedAt("2023-07-29T10:00:00+07:00");
        var cal = WorkCalendar.WeekdaysOnly;

        Assert.That(builder.Build().DueAt, Is.EqualTo(Parse.At("2023-08-01T17:00:00+07:00")));
        Assert.That(
            TimelinessRules.Classify(
                builder.Build() with
                {
                    FinishedAt = Parse.At("2023-08-01T16:00:00+07:00"),
                },
                AsOf,
                cal
            ),
            Is.EqualTo(Timeliness.OnTime)
        );
        Assert.That(
            TimelinessRules.Classify(
                builder.Build() with
                {
                    FinishedAt = Parse.At("2023-07-31T16:00:00+07:00"),
                },
                AsOf,
                cal
            ),
            Is.EqualTo(Timeliness.Early)
        );
    }
}
