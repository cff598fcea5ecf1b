using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;

namespace Scorecard.Api.Tests.Domain.Dossiers;

public sealed class DossierFoldDeadlineTests
{
    private static readonly WorkCalendar Weekdays = WorkCalendar.WeekdaysOnly;

    [Test]
    public void Fold_WhenSeveralDueAtGiven_TakesTheLatestByEventOrder()
    {
        var d = new DossierBuilder()
            .DueAt("2023-08-10T17:00:00+07:00")
            .DueChanged("2023-07-26T09:00:00+07:00", "2023-08-20T17:00:00+07:00")
            .DueChanged("2023-07-27T09:00:00+07:00", "2023-08-15T17:00:00+07:00")
            .Build();

        Assert.That(d.DueAt, Is.EqualTo(Parse.At("2023-08-15T17:00:00+07:00")));
    }

    [Test]
    public void Fold_WhenSupplementCompletedCarriesNewDue_DoesNotExtendItAgain()
    {
        var d = new DossierBuilder()
            .SupplementRequested("2023-07-25T09:00:00+07:00")
            .SupplementCompleted("2023-07-28T09:00:00+07:00", newDue: "2023-08-03T09:00:00+07:00")
            .Build();

        Assert.That(d.DueAt, Is.EqualTo(Parse.At("2023-08-03T09:00:00+07:00")));
    }

    [Test]
    public void Fold_WhenDueGivenOnReceptionAndSupplementLater_ExtendsIt()
    {
        // Due Fri 28 Jul 17:00; paused Wed 26 Jul 09:00 → Thu 27 Jul 09:00 (1 working day) → Mon 31 Jul 17:00.
        var d = new DossierBuilder()
            .DueAt("2023-07-28T17:00:00+07:00")
            .SupplementRequested("2023-07-26T09:00:00+07:00")
            .SupplementCompleted("2023-07-27T09:00:00+07:00")
            .Build();

        Assert.That(d.DueAt, Is.EqualTo(Parse.At("2023-07-31T17:00:00+07:00")));
    }

    [Test]
    public void Fold_WhenSupplementOddities_IgnoresThem()
    {
        // A completion without request, a second request inside an open pause, a request after the finish.
        var d = new DossierBuilder()
            .SupplementCompleted("2023-07-24T10:00:00+07:00")
            .SupplementRequested("2023-07-25T09:00:00+07:00")
            .SupplementRequested("2023-07-25T12:00:00+07:00")
            .FinishedAt("2023-07-26T09:00:00+07:00")
            .SupplementRequested("2023-07-27T09:00:00+07:00")
            .Build();

        Assert.That(d.SupplementCount, Is.EqualTo(2));
        Assert.That(d.SupplementDuration, Is.EqualTo(TimeSpan.FromDays(1))); // open pause closed by the finish
        Assert.That(d.SupplementOpenSince, Is.Null);
        Assert.That(d.DueAt, Is.EqualTo(Parse.At("2023-08-01T09:00:00+07:00")));
    }

    [Test]
    public void Fold_WhenSupplementRequestedBeforeReception_PauseStartsAtReception()
    {
        var d = new DossierBuilder()
            .SupplementRequested("2023-07-24T08:00:00+07:00")
            .SupplementCompleted("2023-07-24T10:00:00+07:00")
            .Build();

        Assert.That(d.SupplementDuration, Is.EqualTo(TimeSpan.FromHours(1))); // 09:00 → 10:00
    }
}
