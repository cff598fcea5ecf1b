using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Procedures;

namespace Scorecard.Api.Tests.Domain.Indicators;

public sealed class DossierContributionsTests
{
    private static readonly Period July = Period.Month(2023, 7);
    private static readonly DateTimeOffset AsOf = Parse.At("2023-08-15T00:00:00+07:00");

    private static Ratio Of(
        DossierBuilder b,
        string code,
        OnTimeRule rule = OnTimeRule.Finished,
        Period? period = null
    ) => DossierContributions.Of(b.Build(), b.Procedure!, period ?? July, rule, AsOf, WorkCalendar.WeekdaysOnly)[code];

    // Received Mon 24 Jul 09:00, due Mon 31 Jul 09:00.
    [TestCase("2023-07-28T09:00:00+07:00", 1, 1)] // early, finished in July
    [TestCase("2023-07-31T10:00:00+07:00", 0, 1)] // late, finished in July
    [TestCase("2023-08-01T00:00:00+07:00", 0, 0)] // finished in August
    public void OnTime_WhenFinishedRule_CountsFinishedInPeriod(string finishedAt, long n, long d)
    {
        Assert.That(
            Of(new DossierBuilder().FinishedAt(finishedAt), IndicatorCodes.OnTime),
            Is.EqualTo(new Ratio(n, d))
        );
    }

    [Test]
    public void OnTime_WhenOpen_IsNotInFinishedRule()
    {
        Assert.That(Of(new DossierBuilder(), IndicatorCodes.OnTime), Is.EqualTo(Ratio.Zero));
    }

    [TestCase(Channel.Online, OnlineService.Full, 1, 1)]
    [TestCase(Channel.Direct, OnlineService.Partial, 0, 1)]
    [TestCase(Channel.Postal, OnlineService.Full, 0, 1)]
    [TestCase(Channel.Direct, OnlineService.None, 0, 0)]
    [TestCase(Channel.Online, OnlineService.None, 0, 0)]
    public void OnlineSubmission_WhenChannelAndService_CountsEligibleReceived(
        Channel channel,
        OnlineService service,
        long n,
        long d
    )
    {
        var b = new DossierBuilder().Via(channel).For(new ProcedureBuilder().Online(service).Build());

        Assert.That(Of(b, IndicatorCodes.OnlineSubmission), Is.EqualTo(new Ratio(n, d)));
    }

    [TestCase(Channel.Direct, true, 0, 1)]
    [TestCase(Channel.Postal, true, 0, 1)]
    [TestCase(Channel.Online, false, 0, 0)]
    public void OnlineSubmission_WhenOnlineOnlyPilotAndNoOnlineService_ViolationCountsInDenominator(
        Channel channel,
        bool violation,
        long n,
        long d
    )
    {
        // A pilot procedure still marked onlineService none: only a violation can put it in the denominator.
        var p = new ProcedureBuilder()
            .Online(OnlineService.None)
            .OnlineOnly(new DateOnly(2023, 7, 1), new DateOnly(2023, 7, 31))
            .Build();
        var b = new DossierBuilder().Via(channel).For(p);

        Assert.That(DossierContributions.IsOnlineOnlyViolation(b.Build(), p), Is.EqualTo(violation));
        Assert.That(Of(b, IndicatorCodes.OnlineSubmission), Is.EqualTo(new Ratio(n, d)));
    }

    [Test]
    public void IsOnlineOnlyViolation_WhenReceivedOutsideWindowOrWithdrawn_IsFalse()
    {
        var p = new ProcedureBuilder().OnlineOnly(new DateOnly(2023, 8, 1), null).Build();

        Assert.That(DossierContributions.IsOnlineOnlyViolation(new DossierBuilder().For(p).Build(), p), Is.False);
        var withdrawn = new DossierBuilder()
            .ReceivedAt("2023-08-02T09:00:00+07:00")
            .For(p)
            .Event(DossierEventType.Withdrawn, "2023-08-02T10:00:00+07:00");
        Assert.That(DossierContributions.IsOnlineOnlyViolation(withdrawn.Build(), p), Is.False);
    }

    [TestCase(true, PaymentMethod.Online, 1, 1)]
    [TestCase(true, PaymentMethod.Offline, 0, 1)]
    [TestCase(false, PaymentMethod.Online, 0, 0)]
    public void OnlinePayment_WhenFeeRequired_CountsOnlinePayments(bool fee, PaymentMethod method, long n, long d)
    {
        var b = new DossierBuilder().FeeRequired(fee).Paid("2023-07-24T10:00:00+07:00", method, 30_000);

        Assert.That(Of(b, IndicatorCodes.OnlinePayment), Is.EqualTo(new Ratio(n, d)));
    }

    [TestCase(true, 1, 1)]
    [TestCase(false, 0, 1)]
    public void Digitisation_WhenReceivedInPeriod_CountsDigitised(bool digitised, long n, long d)
    {
        Assert.That(
            Of(new DossierBuilder().DigitisedOnReceipt(digitised), IndicatorCodes.Digitisation),
            Is.EqualTo(new Ratio(n, d))
        );
    }

    [Test]
    public void Digitisation_WhenDigitisedEventLater_Counts()
    {
        var b = new DossierBuilder().Event(DossierEventType.Digitised, "2023-07-25T09:00:00+07:00");

        Assert.That(Of(b, IndicatorCodes.Digitisation), Is.EqualTo(new Ratio(1, 1)));
    }

    [TestCase("2023-07-31T23:59:59+07:00", 1)]
    [TestCase("2023-08-01T00:00:00+07:00", 0)]
    [TestCase("2023-07-31T16:59:59Z", 1)]
    [TestCase("2023-07-31T17:00:00Z", 0)]
    public void Received_WhenNearPeriodEnd_UsesVietnamDay(string receivedAt, long d)
    {
        Assert.That(
            Of(new DossierBuilder().ReceivedAt(receivedAt), IndicatorCodes.Digitisation).Denominator,
            Is.EqualTo(d)
        );
    }

    [Test]
    public void EResult_WhenResolvedReturnedOrStopped_CountsResolvedAndReturnedOnly()
    {
        var resolvedElectronic = new DossierBuilder().FinishedAt("2023-07-25T09:00:00+07:00", electronic: true);
        var returnedPaper = new DossierBuilder().ReturnedAt("2023-07-25T09:00:00+07:00");
        var stopped = new DossierBuilder().StoppedAt("2023-07-25T09:00:00+07:00");

        Assert.That(Of(resolvedElectronic, IndicatorCodes.EResult), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(Of(returnedPaper, IndicatorCodes.EResult), Is.EqualTo(new Ratio(0, 1)));
        Assert.That(Of(stopped, IndicatorCodes.EResult), Is.EqualTo(Ratio.Zero));
        // stopped is finished, and early here
        Assert.That(Of(stopped, IndicatorCodes.OnTime), Is.EqualTo(new Ratio(1, 1)));
    }

    [TestCase(true, true, 1, 1)]
    [TestCase(true, false, 0, 1)]
    [TestCase(false, true, 0, 0)]
    public void PopulationDb_WhenPersonApplicant_CountsUse(bool person, bool used, long n, long d)
    {
        var p = person ? new ProcedureBuilder().Build() : new ProcedureBuilder().OrganisationApplicant().Build();
        var b = new DossierBuilder().For(p).PopulationDbOnReceipt(used);

        Assert.That(Of(b, IndicatorCodes.PopulationDb), Is.EqualTo(new Ratio(n, d)));
    }

    [TestCase(DossierEventType.Withdrawn)]
    [TestCase(DossierEventType.Refused)]
    public void Of_WhenWithdrawnOrRefused_ContributesNothingButToTheNationalOnTimeRule(DossierEventType type)
    {
        // Resolved Tue 25 Jul, before its Mon 31 Jul deadline, then withdrawn or refused: the national rule
        // still counts its handling (ended 25 Jul, in time); no other indicator counts it.
        var b = new DossierBuilder()
            .Online()
            .DigitisedOnReceipt()
            .FeeRequired()
            .FinishedAt("2023-07-25T09:00:00+07:00", true)
            .Event(type, "2023-07-26T09:00:00+07:00");

        foreach (var rule in new[] { OnTimeRule.Finished, OnTimeRule.National })
        {
            var all = DossierContributions.Of(b.Build(), b.Procedure!, July, rule, AsOf, WorkCalendar.WeekdaysOnly);
            Assert.That(all.Keys, Is.EquivalentTo(IndicatorCodes.DossierBased));
            Assert.That(
                all.Where(r => r.Key != IndicatorCodes.OnTime).Select(r => r.Value),
                Is.All.EqualTo(Ratio.Zero)
            );
            Assert.That(
                all[IndicatorCodes.OnTime],
                Is.EqualTo(rule == OnTimeRule.National ? new Ratio(1, 1) : Ratio.Zero),
                rule.ToString()
            );
        }
    }
}
