using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;

namespace Scorecard.Api.Tests.Domain.Indicators;

/// <summary>July 2023, 5-working-day procedure: received Mon 09:00 is due the next Mon 09:00.</summary>
public sealed class NationalOnTimeTests
{
    private static readonly Period July = Period.Month(2023, 7);
    private static readonly DateTimeOffset AsOf = Parse.At("2023-08-15T00:00:00+07:00");

    private static Ratio National(DossierBuilder b, DateTimeOffset? asOf = null) =>
        DossierContributions.Of(
            b.Build(),
            b.Procedure!,
            July,
            OnTimeRule.National,
            asOf ?? AsOf,
            WorkCalendar.WeekdaysOnly
        )[IndicatorCodes.OnTime];

    // open at 1 Jul, handled 5 Jul before its 6 Jul due
    [TestCase("2023-06-29T09:00:00+07:00", "2023-07-05T09:00:00+07:00", 1, 1)]
    [TestCase("2023-06-29T09:00:00+07:00", "2023-07-07T09:00:00+07:00", 0, 1)] // open at 1 Jul, handled late in July
    [TestCase("2023-06-01T09:00:00+07:00", "2023-06-08T09:00:00+07:00", 0, 0)] // finished before July
    [TestCase("2023-06-29T09:00:00+07:00", "2023-08-10T09:00:00+07:00", 0, 1)] // open all July, overdue since 6 Jul
    [TestCase("2023-07-10T09:00:00+07:00", "2023-07-14T09:00:00+07:00", 1, 1)] // received and handled early in July
    [TestCase("2023-07-20T09:00:00+07:00", "2023-08-02T09:00:00+07:00", 0, 1)] // due Thu 27 Jul: overdue at 1 Aug 00:00
    // due Thu 3 Aug: open and in time at July's end
    [TestCase("2023-07-27T09:00:00+07:00", "2023-08-02T09:00:00+07:00", 1, 1)]
    [TestCase("2023-08-02T09:00:00+07:00", "2023-08-03T09:00:00+07:00", 0, 0)] // received after July
    public void NationalOnTime_WhenDossier_CountsAsNationalRuleReads(
        string receivedAt,
        string finishedAt,
        long n,
        long d
    )
    {
        var b = new DossierBuilder().ReceivedAt(receivedAt).FinishedAt(finishedAt);

        Assert.That(National(b), Is.EqualTo(new Ratio(n, d)));
    }

    [Test]
    public void NationalOnTime_WhenStillOpenAtPeriodEnd_CountsOnlyIfNotOverdue()
    {
        // Received Mon 24 Jul, due Mon 31 Jul 09:00, never finished: overdue at 1 Aug 00:00.
        Assert.That(National(new DossierBuilder()), Is.EqualTo(new Ratio(0, 1)));

        // Same dossier with a deadline of 15 Aug given at reception: in time at 1 Aug.
        Assert.That(National(new DossierBuilder().DueAt("2023-08-15T17:00:00+07:00")), Is.EqualTo(new Ratio(1, 1)));
    }

    [Test]
    public void NationalOnTime_WhenPeriodStillOpen_JudgesOpenDossiersAtAsOf()
    {
        // asOf Fri 28 Jul: due Mon 31 Jul not yet passed; by asOf Tue 1 Aug it would be, but July is judged at its end.
        var b = new DossierBuilder();

        Assert.That(National(b, Parse.At("2023-07-28T12:00:00+07:00")), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(National(b, Parse.At("2023-07-31T12:00:00+07:00")), Is.EqualTo(new Ratio(0, 1)));
    }

    [Test]
    public void NationalOnTime_WhenStateFoldedUpToPeriodEnd_JudgesDeadlineAsItStoodThen()
    {
        // Received Thu 20 Jul, due Thu 27 Jul 09:00; on 5 Aug the deadline is moved to 30 Aug.
        var b = new DossierBuilder()
            .ReceivedAt("2023-07-20T09:00:00+07:00")
            .DueChanged("2023-08-05T09:00:00+07:00", "2023-08-30T17:00:00+07:00");
        var asOfToday = b.Build();
        var atJulyEnd = DossierFold.Fold(
            b.Events().Where(e => e.At < July.End),
            b.Procedure,
            WorkCalendar.WeekdaysOnly
        )!;

        Ratio Judge(DossierState d) => DossierContributions.NationalOnTime(d, July, AsOf, WorkCalendar.WeekdaysOnly);

        Assert.That(Judge(asOfToday), Is.EqualTo(new Ratio(1, 1))); // today's deadline, 30 Aug
        Assert.That(Judge(atJulyEnd), Is.EqualTo(new Ratio(0, 1))); // overdue since 27 Jul at 1 Aug 00:00
    }

    [Test]
    public void NationalOnTime_WhenFinishedRuleWouldSkipOpenDossier_DiffersFromFinishedRule()
    {
        var b = new DossierBuilder().ReceivedAt("2023-07-27T09:00:00+07:00");
        var finished = DossierContributions.Of(
            b.Build(),
            b.Procedure!,
            July,
            OnTimeRule.Finished,
            AsOf,
            WorkCalendar.WeekdaysOnly
        );

        Assert.That(finished[IndicatorCodes.OnTime], Is.EqualTo(Ratio.Zero));
        Assert.That(National(b), Is.EqualTo(new Ratio(1, 1)));
    }

    [TestCase("2023-07-28T09:00:00+07:00", 1, 1)] // withdrawn Fri 28 Jul, before the Mon 31 Jul deadline: ended in time
    // withdrawn Tue 1 Aug, after it: ended late (and open, overdue, at July's end)
    [TestCase("2023-08-01T09:00:00+07:00", 0, 1)]
    public void NationalOnTime_WhenWithdrawn_EndsTheDossierThen(string withdrawnAt, long n, long d)
    {
        var b = new DossierBuilder().Event(DossierEventType.Withdrawn, withdrawnAt);

        Assert.That(National(b), Is.EqualTo(new Ratio(n, d)));
    }

    [Test]
    public void NationalOnTime_WhenOneSupplementRequestIsPending_EndsAtTheRequest()
    {
        // Received Mon 24 Jul, due Mon 31 Jul 09:00; one request Thu 27 Jul still pending: ended 27 Jul, in time,
        // although the applicant has not answered by 15 Aug.
        var pending = new DossierBuilder().SupplementRequested("2023-07-27T09:00:00+07:00");

        Assert.That(National(pending), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(NationalEnd.Of(pending.Build()), Is.EqualTo(Parse.At("2023-07-27T09:00:00+07:00")));
    }

    [Test]
    public void NationalOnTime_WhenTwoSupplementRequests_IsLateFinishedOrNot()
    {
        // Two requests, both answered within a day, resolved Fri 28 Jul before the deadline: late all the same.
        var twice = new DossierBuilder()
            .SupplementRequested("2023-07-25T09:00:00+07:00")
            .SupplementCompleted("2023-07-25T15:00:00+07:00")
            .SupplementRequested("2023-07-26T09:00:00+07:00")
            .SupplementCompleted("2023-07-26T15:00:00+07:00");

        Assert.That(National(twice.FinishedAt("2023-07-28T09:00:00+07:00")), Is.EqualTo(new Ratio(0, 1)));
        Assert.That(
            National(
                new DossierBuilder()
                    .SupplementRequested("2023-07-25T09:00:00+07:00")
                    .SupplementCompleted("2023-07-25T15:00:00+07:00")
                    .SupplementRequested("2023-07-26T09:00:00+07:00")
                    .SupplementCompleted("2023-07-26T15:00:00+07:00")
            ),
            Is.EqualTo(new Ratio(0, 1)),
            "still open at July's end with two requests"
        );
    }
}
