using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;

namespace Scorecard.Api.Tests.Domain.Dossiers;

/// <summary>
/// Which promised date timeliness is judged against. Received Mon 24 Jul 2023 09:00, promised Fri 28 Jul
/// 17:00 at reception; weekdays only, default office hours.
/// </summary>
public sealed class DueChangeReasonTests
{
    private static readonly DateTimeOffset AsOf = Parse.At("2023-12-31T00:00:00+07:00");

    private static DossierBuilder Dossier() =>
        new DossierBuilder().ReceivedAt("2023-07-24T09:00:00+07:00").DueAt("2023-07-28T17:00:00+07:00");

    [Test]
    public void Classify_WhenApologyDatePromisedAndMet_StaysLate()
    {
        // The apology letter promises Wed 2 Aug; the result comes Tue 1 Aug, after the 28 Jul deadline: late.
        var d = Dossier()
            .DueChanged("2023-07-28T16:00:00+07:00", "2023-08-02T17:00:00+07:00", DueChangeReason.Apology)
            .FinishedAt("2023-08-01T10:00:00+07:00")
            .Build();

        Assert.That(d.DueAt, Is.EqualTo(Parse.At("2023-07-28T17:00:00+07:00")));
        Assert.That(d.ApologyDueAt, Is.EqualTo(Parse.At("2023-08-02T17:00:00+07:00")));
        Assert.That(TimelinessRules.Classify(d, AsOf, WorkCalendar.WeekdaysOnly), Is.EqualTo(Timeliness.Late));
    }

    [Test]
    public void Classify_WhenCorrectionMovesTheDate_JudgesAgainstTheCorrectedDate()
    {
        // A data fix replaces 28 Jul by 2 Aug 17:00: finishing 1 Aug is early.
        var d = Dossier()
            .DueChanged("2023-07-25T09:00:00+07:00", "2023-08-02T17:00:00+07:00", DueChangeReason.Correction)
            .FinishedAt("2023-08-01T10:00:00+07:00")
            .Build();

        Assert.That(d.DueAt, Is.EqualTo(Parse.At("2023-08-02T17:00:00+07:00")));
        Assert.That(TimelinessRules.Classify(d, AsOf, WorkCalendar.WeekdaysOnly), Is.EqualTo(Timeliness.Early));
    }

    [Test]
    public void DueAt_WhenCorrectionFollowsASupplement_IsMovedByThePauseButASupplementDateIsNot()
    {
        // Paused Tue 25 Jul 09:00 → Wed 26 Jul 09:00: one working day (8 office hours).
        // A correction to Mon 31 Jul 17:00 replaces the reception's date, so the pause still moves it: Tue 1 Aug 17:00.
        // The same date given with the supplement already includes the pause: Mon 31 Jul 17:00.
        var paused = Dossier()
            .SupplementRequested("2023-07-25T09:00:00+07:00")
            .SupplementCompleted("2023-07-26T09:00:00+07:00");

        var corrected = paused
            .DueChanged("2023-07-26T10:00:00+07:00", "2023-07-31T17:00:00+07:00", DueChangeReason.Correction)
            .Build();
        var withSupplement = Dossier()
            .SupplementRequested("2023-07-25T09:00:00+07:00")
            .SupplementCompleted("2023-07-26T09:00:00+07:00")
            .DueChanged("2023-07-26T10:00:00+07:00", "2023-07-31T17:00:00+07:00", DueChangeReason.Supplement)
            .Build();

        Assert.That(corrected.DueAt, Is.EqualTo(Parse.At("2023-08-01T17:00:00+07:00")));
        Assert.That(withSupplement.DueAt, Is.EqualTo(Parse.At("2023-07-31T17:00:00+07:00")));
    }

    [Test]
    public void DueAt_WhenStoredWithoutReason_IsReadAsACorrection()
    {
        var stored = Dossier()
            .SupplementRequested("2023-07-25T09:00:00+07:00")
            .SupplementCompleted("2023-07-26T09:00:00+07:00")
            .DueChanged("2023-07-26T10:00:00+07:00", "2023-07-31T17:00:00+07:00")
            .Build();

        Assert.That(stored.DueAt, Is.EqualTo(Parse.At("2023-08-01T17:00:00+07:00")));
    }
}
