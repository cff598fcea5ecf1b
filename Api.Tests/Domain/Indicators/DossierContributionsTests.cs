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

    // 3.3: over every dossier received; online counts, for a paper-result procedure, only with an electronic
    // result; the procedure's online service does not matter.
    [TestCase(Channel.Online, OnlineService.Full, true, false, 0, 1)]
    [TestCase(Channel.Online, OnlineService.Full, true, true, 1, 1)]
    [TestCase(Channel.Online, OnlineService.Full, false, false, 1, 1)]
    [TestCase(Channel.Online, OnlineService.None, false, false, 1, 1)]
    [TestCase(Channel.Direct, OnlineService.Partial, false, true, 0, 1)]
    [TestCase(Channel.Postal, OnlineService.Full, true, true, 0, 1)]
    [TestCase(Channel.Direct, OnlineService.None, true, false, 0, 1)]
    public void OnlineSubmission_OverEveryReceived_CountsOnlineWithTheResultRule(
        Channel channel,
        OnlineService service,
        bool paperResult,
        bool electronicResult,
        long n,
        long d
    )
    {
        var p = new ProcedureBuilder().Online(service);
        var b = new DossierBuilder()
            .Via(channel)
            .For(paperResult ? p.Build() : p.NonPaperResult().Build())
            .FinishedAt("2023-07-26T09:00:00+07:00", electronicResult);

        Assert.That(Of(b, IndicatorCodes.OnlineSubmission), Is.EqualTo(new Ratio(n, d)));
    }

    [TestCase(Channel.Direct, true)]
    [TestCase(Channel.Postal, true)]
    [TestCase(Channel.Online, false)]
    public void IsOnlineOnlyViolation_WhenOfflineInPilot_IsTrue(Channel channel, bool violation)
    {
        var p = new ProcedureBuilder()
            .Online(OnlineService.None)
            .OnlineOnly(new DateOnly(2023, 7, 1), new DateOnly(2023, 7, 31))
            .Build();
        var b = new DossierBuilder().Via(channel).For(p);

        Assert.That(DossierContributions.IsOnlineOnlyViolation(b.Build(), p), Is.EqualTo(violation));
        // Every dossier is in the online-submission denominator; a violation never in its numerator (nor, here, the
        // online one: its paper result has no electronic copy).
        Assert.That(Of(b, IndicatorCodes.OnlineSubmission), Is.EqualTo(new Ratio(0, 1)));
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

    // 3.6: dossiers with a fee due, not waived (a stated fee amount of 0 waives it).
    [TestCase(true, null, PaymentMethod.Online, 1, 1)]
    [TestCase(true, 50_000L, PaymentMethod.Online, 1, 1)]
    [TestCase(true, null, PaymentMethod.Offline, 0, 1)]
    [TestCase(true, 0L, PaymentMethod.Online, 0, 0)]
    [TestCase(false, null, PaymentMethod.Online, 0, 0)]
    public void OnlinePayment_WhenFeeDueAndNotWaived_CountsOnlinePayments(
        bool fee,
        long? feeAmount,
        PaymentMethod method,
        long n,
        long d
    )
    {
        var b = new DossierBuilder()
            .FeeRequired(fee)
            .Received(e => e with { FeeAmount = feeAmount })
            .Paid("2023-07-24T10:00:00+07:00", method, 30_000);

        Assert.That(Of(b, IndicatorCodes.OnlinePayment), Is.EqualTo(new Ratio(n, d)));
    }

    // 4.2: digitised, and for a paper-result procedure also with an electronic result, over every dossier received.
    [TestCase(true, true, true, 1, 1)]
    [TestCase(true, true, false, 0, 1)]
    [TestCase(true, false, false, 1, 1)]
    [TestCase(false, false, true, 0, 1)]
    public void Digitisation_WhenReceivedInPeriod_CountsDigitisedWithTheResultRule(
        bool digitised,
        bool paperResult,
        bool electronicResult,
        long n,
        long d
    )
    {
        var p = paperResult ? new ProcedureBuilder().Build() : new ProcedureBuilder().NonPaperResult().Build();
        var b = new DossierBuilder()
            .For(p)
            .DigitisedOnReceipt(digitised)
            .FinishedAt("2023-07-26T09:00:00+07:00", electronicResult);

        Assert.That(Of(b, IndicatorCodes.Digitisation), Is.EqualTo(new Ratio(n, d)));
    }

    [Test]
    public void Digitisation_WhenDigitisedEventLater_Counts()
    {
        var b = new DossierBuilder()
            .For(new ProcedureBuilder().NonPaperResult().Build())
            .Event(DossierEventType.Digitised, "2023-07-25T09:00:00+07:00");

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
    public void EResult_OverPaperResultDossiersReceived_CountsElectronicResults()
    {
        // 4.1 by reception date: every dossier of a paper-result procedure received in July, finished or not.
        var resolvedElectronic = new DossierBuilder().FinishedAt("2023-07-25T09:00:00+07:00", electronic: true);
        var returnedPaper = new DossierBuilder().ReturnedAt("2023-07-25T09:00:00+07:00");
        var stopped = new DossierBuilder().StoppedAt("2023-07-25T09:00:00+07:00");
        var open = new DossierBuilder();
        var notPaper = new DossierBuilder()
            .For(new ProcedureBuilder().NonPaperResult().Build())
            .FinishedAt("2023-07-25T09:00:00+07:00", electronic: true);
        var finishedInAugust = new DossierBuilder().FinishedAt("2023-08-02T09:00:00+07:00", electronic: true);

        Assert.That(Of(resolvedElectronic, IndicatorCodes.EResult), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(Of(returnedPaper, IndicatorCodes.EResult), Is.EqualTo(new Ratio(0, 1)));
        Assert.That(Of(stopped, IndicatorCodes.EResult), Is.EqualTo(new Ratio(0, 1)));
        Assert.That(Of(open, IndicatorCodes.EResult), Is.EqualTo(new Ratio(0, 1)));
        Assert.That(Of(notPaper, IndicatorCodes.EResult), Is.EqualTo(Ratio.Zero));
        Assert.That(Of(finishedInAugust, IndicatorCodes.EResult), Is.EqualTo(new Ratio(1, 1)));
        // stopped is finished, and early here
        Assert.That(Of(stopped, IndicatorCodes.OnTime), Is.EqualTo(new Ratio(1, 1)));
    }

    // 4.5b: over every dossier received; data taken from the population database or a VNeID-authenticated account.
    [TestCase(true, true, false, 1, 1)]
    [TestCase(true, false, false, 0, 1)]
    [TestCase(false, true, false, 1, 1)]
    [TestCase(true, false, true, 1, 1)]
    public void PopulationDb_OverEveryReceived_CountsUseOrVneid(bool person, bool used, bool vneid, long n, long d)
    {
        var p = person ? new ProcedureBuilder().Build() : new ProcedureBuilder().OrganisationApplicant().Build();
        var b = new DossierBuilder()
            .For(p)
            .PopulationDbOnReceipt(used)
            .Received(e => e with { VneidAuthenticated = vneid });

        Assert.That(Of(b, IndicatorCodes.PopulationDb), Is.EqualTo(new Ratio(n, d)));
    }

    // Group 3: online dossiers of procedures eligible for full online service (by default: those offered fully
    // online); the eligibility may be set either way.
    [TestCase(OnlineService.Full, null, Channel.Online, 1, 1)]
    [TestCase(OnlineService.Full, null, Channel.Direct, 0, 1)]
    [TestCase(OnlineService.Partial, null, Channel.Online, 0, 0)]
    [TestCase(OnlineService.Partial, true, Channel.Online, 1, 1)]
    [TestCase(OnlineService.Full, false, Channel.Online, 0, 0)]
    public void FullOnline_OverEligibleProcedures_CountsOnline(
        OnlineService service,
        bool? eligible,
        Channel channel,
        long n,
        long d
    )
    {
        var p = new ProcedureBuilder().Online(service);
        var b = new DossierBuilder().Via(channel).For(eligible is { } e ? p.FullOnlineEligible(e).Build() : p.Build());

        Assert.That(Of(b, IndicatorCodes.FullOnline), Is.EqualTo(new Ratio(n, d)));
    }

    [Test]
    public void DataReuseAndPersonalDataStore_OverEveryReceived_CountTheirFlags()
    {
        var reused = new DossierBuilder().Received(e => e with { ReusedDigitisedData = true });
        var linked = new DossierBuilder().Received(e => e with { FromPersonalDataStore = true });

        Assert.That(Of(reused, IndicatorCodes.DataReuse), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(Of(reused, IndicatorCodes.PersonalDataStore), Is.EqualTo(new Ratio(0, 1)));
        Assert.That(Of(linked, IndicatorCodes.PersonalDataStore), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(Of(linked, IndicatorCodes.DataReuse), Is.EqualTo(new Ratio(0, 1)));
    }

    [TestCase(Channel.Online, IndicatorCodes.ChannelOnline)]
    [TestCase(Channel.Direct, IndicatorCodes.ChannelDirect)]
    [TestCase(Channel.Postal, IndicatorCodes.ChannelPostal)]
    public void Channels_EachDossier_CountsInItsOwnChannelOnly(Channel channel, string own)
    {
        var b = new DossierBuilder().Via(channel);

        foreach (
            var code in new[]
            {
                IndicatorCodes.ChannelOnline,
                IndicatorCodes.ChannelDirect,
                IndicatorCodes.ChannelPostal,
            }
        )
        {
            Assert.That(Of(b, code), Is.EqualTo(new Ratio(code == own ? 1 : 0, 1)), code);
        }
    }

    [Test]
    public void Complaint_WhenAnyFeedbackUnsatisfied_CountsInThePeriodReceived()
    {
        var complained = new DossierBuilder()
            .Feedback("2023-07-28T09:00:00+07:00", satisfied: true)
            .Feedback("2023-08-03T09:00:00+07:00", satisfied: false);
        var pleased = new DossierBuilder().Feedback("2023-07-28T09:00:00+07:00", satisfied: true);

        Assert.That(DossierContributions.Complaint(complained.Build(), July), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(DossierContributions.Complaint(pleased.Build(), July), Is.EqualTo(new Ratio(0, 1)));
        Assert.That(DossierContributions.Complaint(complained.Build(), Period.Month(2023, 8)), Is.EqualTo(Ratio.Zero));
    }

    [TestCase(DossierEventType.Withdrawn)]
    [TestCase(DossierEventType.Refused)]
    public void Of_WhenWithdrawnOrRefused_CountsAsReceivedButNotInTheFinishedRule(DossierEventType type)
    {
        // Resolved Tue 25 Jul with an electronic result, before its Mon 31 Jul deadline, then withdrawn or refused:
        // it was received, so the received-side ratios count it; the national rule counts its handling (ended
        // 25 Jul, in time); the finished rule leaves it out.
        var b = new DossierBuilder()
            .Online()
            .DigitisedOnReceipt()
            .FeeRequired()
            .FinishedAt("2023-07-25T09:00:00+07:00", true)
            .Event(type, "2023-07-26T09:00:00+07:00");

        Assert.That(Of(b, IndicatorCodes.OnlineSubmission), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(Of(b, IndicatorCodes.Digitisation), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(Of(b, IndicatorCodes.EResult), Is.EqualTo(new Ratio(1, 1)));
        Assert.That(Of(b, IndicatorCodes.OnlinePayment), Is.EqualTo(new Ratio(0, 1)));
        Assert.That(Of(b, IndicatorCodes.OnTime, OnTimeRule.Finished), Is.EqualTo(Ratio.Zero));
        Assert.That(Of(b, IndicatorCodes.OnTime, OnTimeRule.National), Is.EqualTo(new Ratio(1, 1)));
        var all = DossierContributions.Of(
            b.Build(),
            b.Procedure!,
            July,
            OnTimeRule.National,
            AsOf,
            WorkCalendar.WeekdaysOnly
        );
        Assert.That(all.Keys, Is.EquivalentTo(IndicatorCodes.DossierBased));
    }
}
