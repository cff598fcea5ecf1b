using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Procedures;

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
    }

    [Test]
    public void From_WhenSummedPerDayOverMonth_ReproducesContributionsOfFinishedRule()
    {
        var july = Period.Month(2023, 7);
        var asOf = Parse.At("2023-09-01T00:00:00+07:00");
        var builders = SampleDossiers().ToList();
        var facts = builders.Select(b => DossierFacts.From(b.Build(), b.Procedure!, Weekdays)).ToList();

        // What a per-unit-per-day table would store: counts grouped by day, then summed over July's days.
        var received = facts.Where(f => f.Counted && july.Contains(f.ReceivedDay!.Value)).ToList();
        var finished = facts.Where(f => f.Counted && f.FinishedDay is { } d && july.Contains(d)).ToList();
        var fromFacts = new Dictionary<string, Ratio>
        {
            [IndicatorCodes.OnTime] = new(finished.Count(f => f.FinishedEarlyOrOnTime), finished.Count),
            [IndicatorCodes.OnlineSubmission] = new(
                received.Count(f => (f.OnlineEligible || f.Violation) && f.Online),
                received.Count(f => f.OnlineEligible || f.Violation)
            ),
            [IndicatorCodes.OnlinePayment] = new(
                received.Count(f => f.FeeRequired && f.PaidOnline),
                received.Count(f => f.FeeRequired)
            ),
            [IndicatorCodes.Digitisation] = new(received.Count(f => f.Digitised), received.Count),
            [IndicatorCodes.EResult] = new(
                finished.Count(f => f.FinishedResolvedOrReturned && f.ElectronicResult),
                finished.Count(f => f.FinishedResolvedOrReturned)
            ),
            [IndicatorCodes.PopulationDb] = new(
                received.Count(f => f.PersonApplicant && f.PopulationDbUsed),
                received.Count(f => f.PersonApplicant)
            ),
        };

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

        Assert.That(fromFacts, Is.EquivalentTo(fromContributions));

        // Hand count: received in July A, B, D, E, G (F withdrawn, C in June); finished in July A, C, E, G.
        Assert.That(fromContributions[IndicatorCodes.Digitisation], Is.EqualTo(new Ratio(1, 5)));
        Assert.That(fromContributions[IndicatorCodes.OnTime], Is.EqualTo(new Ratio(3, 4))); // C is late (due 5 Jul)
        // D has no online service
        Assert.That(fromContributions[IndicatorCodes.OnlineSubmission], Is.EqualTo(new Ratio(1, 4)));
        Assert.That(fromContributions[IndicatorCodes.OnlinePayment], Is.EqualTo(new Ratio(1, 1)));
        // A, G electronic; E stopped
        Assert.That(fromContributions[IndicatorCodes.EResult], Is.EqualTo(new Ratio(2, 3)));
        // D is an organisation
        Assert.That(fromContributions[IndicatorCodes.PopulationDb], Is.EqualTo(new Ratio(0, 4)));
    }

    [Test]
    public void From_WhenViolation_FlagsIt()
    {
        var b = SampleDossiers().Single(x => x.Build().DossierCode == "E");

        var facts = DossierFacts.From(b.Build(), b.Procedure!, Weekdays);

        Assert.That(facts.Violation, Is.True);
        Assert.That(facts.ReceivedDay, Is.EqualTo(new DateOnly(2023, 7, 20)));
        Assert.That(facts.FinishedDay, Is.EqualTo(new DateOnly(2023, 7, 21)));
    }
}
