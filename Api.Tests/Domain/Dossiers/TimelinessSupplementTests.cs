using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;

namespace Scorecard.Api.Tests.Domain.Dossiers;

public sealed class TimelinessSupplementTests
{
    private static readonly DateTimeOffset AsOf = Parse.At("2023-12-31T00:00:00+07:00");

    [Test]
    public void Classify_WhenSupplementOfThreeWorkingDays_MovesDeadlineThreeWorkingDays()
    {
        // Paused Tue 25 Jul 09:00 → Fri 28 Jul 09:00 = 3 working days; due Mon 31 Jul 09:00 + 3 working days = Thu 3
        // Aug 09:00.
        var builder = new DossierBuilder()
            .SupplementRequested("2023-07-25T09:00:00+07:00")
            .SupplementCompleted("2023-07-28T09:00:00+07:00");
        var onTime = builder.FinishedAt("2023-08-03T09:00:00+07:00").Build();
        var cal = WorkCalendar.WeekdaysOnly;

        Assert.Multiple(() =>
        {
            Assert.That(onTime.BaseDueAt, Is.EqualTo(Parse.At("2023-07-31T09:00:00+07:00")));
            Assert.That(onTime.DueAt, Is.EqualTo(Parse.At("2023-08-03T09:00:00+07:00")));
            Assert.That(onTime.SupplementCount, Is.EqualTo(1));
            Assert.That(onTime.SupplementDuration, Is.EqualTo(TimeSpan.FromDays(3)));
            Assert.That(
                onTime.SupplementWorkingTime,
                Is.EqualTo(TimeSpan.FromHours(24)),
                "three working days of eight office hours"
            );
            Assert.That(TimelinessRules.Classify(onTime, AsOf, cal), Is.EqualTo(Timeliness.OnTime));

            // Measured the other way: elapsed working time 8 days (Mon 24 Jul 09:00 → Thu 3 Aug 09:00) − 3 paused = 5
            // allowed.
            var elapsed =
                cal.WorkingTimeBetween(onTime.ReceivedAt, onTime.FinishedAt!.Value) - onTime.SupplementWorkingTime;
            Assert.That(elapsed, Is.EqualTo(TimeSpan.FromHours(40)));
        });
    }

    [TestCase("2023-08-02T17:00:00+07:00", Timeliness.Early)]
    [TestCase("2023-08-03T09:01:00+07:00", Timeliness.Late)]
    public void Classify_WhenSupplementMovedDeadline_JudgesAgainstMovedDeadline(string finishedAt, Timeliness expected)
    {
        var d = new DossierBuilder()
            .SupplementRequested("2023-07-25T09:00:00+07:00")
            .SupplementCompleted("2023-07-28T09:00:00+07:00")
            .FinishedAt(finishedAt)
            .Build();

        Assert.That(TimelinessRules.Classify(d, AsOf, WorkCalendar.WeekdaysOnly), Is.EqualTo(expected));
    }

    [Test]
    public void Classify_WhenTwoSupplementRequests_IsLateEvenIfEarly()
    {
        var d = new DossierBuilder()
            .SupplementRequested("2023-07-24T10:00:00+07:00")
            .SupplementCompleted("2023-07-24T11:00:00+07:00")
            .SupplementRequested("2023-07-24T12:00:00+07:00")
            .SupplementCompleted("2023-07-24T13:00:00+07:00")
            .FinishedAt("2023-07-25T09:00:00+07:00")
            .Build();

        Assert.That(d.SupplementCount, Is.EqualTo(2));
        Assert.That(d.SupplementDuration, Is.EqualTo(TimeSpan.FromHours(2)));
        Assert.That(TimelinessRules.Classify(d, AsOf, WorkCalendar.WeekdaysOnly), Is.EqualTo(Timeliness.Late));
    }

    [Test]
    public void Classify_WhenAwaitingSupplementPastOriginalDue_IsInTime()
    {
        // Paused since Fri 28 Jul 09:00 with 1 working day left; at Fri 4 Aug the clock is still stopped.
        var d = new DossierBuilder().SupplementRequested("2023-07-28T09:00:00+07:00").Build();

        Assert.That(d.Status, Is.EqualTo(DossierStatus.AwaitingSupplement));
        Assert.That(
            TimelinessRules.Classify(d, Parse.At("2023-08-04T09:00:00+07:00"), WorkCalendar.WeekdaysOnly),
            Is.EqualTo(Timeliness.InTime)
        );
    }

    [Test]
    public void Classify_WhenSupplementRequestedAfterDue_StaysOverdue()
    {
        var d = new DossierBuilder().SupplementRequested("2023-08-01T09:00:00+07:00").Build();

        Assert.That(
            TimelinessRules.Classify(d, Parse.At("2023-08-04T09:00:00+07:00"), WorkCalendar.WeekdaysOnly),
            Is.EqualTo(Timeliness.Overdue)
        );
    }
}
