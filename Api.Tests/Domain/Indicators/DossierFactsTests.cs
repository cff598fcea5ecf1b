using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Procedures;
using Scorecard.Infrastructure.Facts;

namespace Scorecard.Api.Tests.Domain.Indicators;

public sealed class DossierFactsTests
{
    private static readonly WorkCalendar Weekdays = WorkCalendar.WeekdaysOnly;

    private static IEnumerable<DossierBuilder> SampleDossiers()
    {
        var fee = new ProcedureBuilder().Code("1.000002").WithFee().Build();
        var none = new ProcedureBuilder().Code("1.000003").Online(OnlineService.None).OrganisationApplicant().Build();
        var pilot = new ProcedureBuilder().Code("1.000004").OnlineOnly(new DateOnly(2023, 7, 15), null).Build();
        yield return new DossierBuilder()
            .Code("A")
            .Online()
            .DigitisedOnReceipt()
            .FinishedAt("2023-07-27T09:00:00+07:00", true);
        yield return new DossierBuilder()
            .Code("B")
            .For(fee)
            .Paid("2023-07-24T10:00:00+07:00", PaymentMethod.Online, 10_000)
            .ReturnedAt("2023-08-02T09:00:00+07:00");
        yield return new DossierBuilder()
            .Code("C")
            .For(fee)
            .ReceivedAt("2023-06-28T09:00:00+07:00")
            .FinishedAt("2023-07-10T09:00:00+07:00");
        yield return new DossierBuilder()
            .Code("D")
            .For(none)
            .PopulationDbOnReceipt()
            .ReceivedAt("2023-07-31T23:30:00+07:00");
        yield return new DossierBuilder()
            .Code("E")
            .For(pilot)
            .Via(Channel.Postal)
            .ReceivedAt("2023-07-20T09:00:00+07:00")
            .StoppedAt("2023-07-21T09:00:00+07:00");
        yield return new DossierBuilder()
            .Code("F")
            .Online()
            .PopulationDbOnReceipt()
            .ReceivedAt("2023-07-03T09:00:00+07:00")
            .Event(DossierEventType.Withdrawn, "2023-07-04T09:00:00+07:00");
        yield return new DossierBuilder()
            .Code("G")
            .ReceivedAt("2023-07-05T09:00:00+07:00")
            .FinishedAt("2023-07-05T10:00:00+07:00", true);
        var nonPaper = new ProcedureBuilder().Code("1.000005").NonPaperResult().Build();
        yield return new DossierBuilder()
            .Code("H")
            .For(nonPaper)
            .Online()
            .DigitisedOnReceipt()
            .ReceivedAt("2023-07-10T09:00:00+07:00")
            .Received(e => e with { ReusedDigitisedData = true })
            .Feedback("2023-07-12T09:00:00+07:00", satisfied: false);
        yield return new DossierBuilder()
            .Code("I")
            .For(fee)
            .ReceivedAt("2023-07-11T09:00:00+07:00")
            .Received(e => e with { FeeAmount = 0, VneidAuthenticated = true, FromPersonalDataStore = true });
    }

    [Test]
    public void From_WhenSummedPerDayOverMonth_ReproducesContributions()
    {
        var july = Period.Month(2023, 7);
        var asOf = Parse.At("2023-09-01T00:00:00+07:00");
        var builders = SampleDossiers().ToList();
        var facts = builders.Select(b => DossierFacts.From(b.Build(), b.Procedure!, Weekdays)).ToList();

        // What the per-unit-per-day tables store, summed over July's days.
        var counts = facts.Aggregate(default(FactCounts), (sum, f) =>
            sum
            + (july.Contains(f.ReceivedDay!.Value) ? FactCounts.ReceivedSide(f) : default)
            + (f.FinishedDay is { } d && july.Contains(d) ? FactCounts.FinishedSide(f) : default)
        );
        var fromContributions = IndicatorCodes.DossierBased.ToDictionary(
            code => code,
            code =>
                Ratio.Sum(
                    builders.Select(b =>
                        DossierContributions.Of(b.Build(), b.Procedure!, july, OnTimeRule.Finished, asOf, Weekdays)[
                            code
                        ]
                    )
                )
        );

        Assert.That(counts.Ratios(), Is.EquivalentTo(fromContributions));
        Assert.That(
            counts.Complaints,
            Is.EqualTo(Ratio.Sum(builders.Select(b => DossierContributions.Complaint(b.Build(), july))))
        );

        // Hand count. Received in July: A, B, D, E, F, G, H, I (8; F withdrawn still counts, C is June's).
        // Paper-result procedures: all but H. Online: A (electronic result), F (none), H (not paper).
        Assert.That(fromContributions[IndicatorCodes.OnlineSubmission], Is.EqualTo(new Ratio(2, 8))); // A, H
        Assert.That(fromContributions[IndicatorCodes.Digitisation], Is.EqualTo(new Ratio(2, 8))); // A (e-result), H
        Assert.That(fromContributions[IndicatorCodes.EResult], Is.EqualTo(new Ratio(2, 7))); // A, G of 7 paper
        // Fee procedures received in July: B, and I whose fee was waived (0).
        Assert.That(fromContributions[IndicatorCodes.OnlinePayment], Is.EqualTo(new Ratio(1, 1)));
        Assert.That(fromContributions[IndicatorCodes.PopulationDb], Is.EqualTo(new Ratio(3, 8))); // D, F, I (VNeID)
        // Eligible for full online: every procedure but D's (no online service); online among them: A, F, H.
        Assert.That(fromContributions[IndicatorCodes.FullOnline], Is.EqualTo(new Ratio(3, 7)));
        Assert.That(fromContributions[IndicatorCodes.DataReuse], Is.EqualTo(new Ratio(1, 8))); // H
        Assert.That(fromContributions[IndicatorCodes.PersonalDataStore], Is.EqualTo(new Ratio(1, 8))); // I
        Assert.That(fromContributions[IndicatorCodes.ChannelOnline], Is.EqualTo(new Ratio(3, 8)));
        Assert.That(fromContributions[IndicatorCodes.ChannelDirect], Is.EqualTo(new Ratio(4, 8))); // B, D, G, I
        Assert.That(fromContributions[IndicatorCodes.ChannelPostal], Is.EqualTo(new Ratio(1, 8))); // E
        Assert.That(counts.Complaints, Is.EqualTo(new Ratio(1, 8))); // H
        // Finished in July, withdrawn and refused aside: A, C, E, G; C is late (due 5 Jul).
        Assert.That(fromContributions[IndicatorCodes.OnTime], Is.EqualTo(new Ratio(3, 4)));
    }

    [Test]
    public void From_WhenPostalInPilot_ReadsDaysAndChannel()
    {
        var b = SampleDossiers().Single(x => x.Build().DossierCode == "E");

        var facts = DossierFacts.From(b.Build(), b.Procedure!, Weekdays);

        Assert.That(facts.Postal, Is.True);
        Assert.That(facts.ReceivedDay, Is.EqualTo(new DateOnly(2023, 7, 20)));
        Assert.That(facts.FinishedDay, Is.EqualTo(new DateOnly(2023, 7, 21)));
    }
}
