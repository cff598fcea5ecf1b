using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Api.Tests.Domain.Dossiers;

public sealed class DossierFoldDeterminismTests
{
    private static readonly WorkCalendar Weekdays = WorkCalendar.WeekdaysOnly;

    [Test]
    public void Fold_WhenDuplicateIds_FirstBySequenceWins()
    {
        var events = new DossierBuilder().Events();
        var received = events[0];
        var laterCopy = received with { Sequence = 99, Channel = Channel.Online };

        var d = DossierFold.Fold([laterCopy, received], null, Weekdays);

        Assert.That(d!.Channel, Is.EqualTo(Channel.Direct));
    }

    [Test]
    public void Fold_WhenSameEventsShuffledWithDuplicates_GivesEqualStates()
    {
        var builder = new DossierBuilder()
            .Online()
            .FeeRequired()
            .Paid("2023-07-24T08:00:00+07:00", PaymentMethod.Online, 50_000)
            .SupplementRequested("2023-07-25T09:00:00+07:00")
            .SupplementCompleted("2023-07-28T09:00:00+07:00")
            .Event(DossierEventType.Digitised, "2023-07-28T09:00:00+07:00")
            .DueChanged("2023-07-28T09:00:00+07:00", "2023-08-04T09:00:00+07:00", DueChangeReason.Supplement)
            .ReturnedAt("2023-08-01T09:00:00+07:00")
            .FinishedAt("2023-08-02T09:00:00+07:00", electronic: true)
            .StoppedAt("2023-08-02T09:00:00+07:00");
        var events = builder.Events();
        var expected = DossierFold.Fold(events, builder.Procedure, Weekdays);

        for (var seed = 1; seed <= 200; seed++)
        {
            var random = new Random(seed);
            var withDuplicates = events
                .Concat(events.Where(_ => random.Next(2) == 0).Select(e => e with { Sequence = e.Sequence + 1000 }))
                .ToArray();
            random.Shuffle(withDuplicates);

            Assert.That(
                DossierFold.Fold(withDuplicates, builder.Procedure, Weekdays),
                Is.EqualTo(expected),
                $"seed {seed}"
            );
        }

        Assert.That(expected!.DueAt, Is.EqualTo(Parse.At("2023-08-04T09:00:00+07:00")));
    }

    /// <summary>
    /// Histories as they are usually stored (in time order, no id twice) fold as they are, without sorting; the state
    /// must be the one the same events give in any other order.
    /// </summary>
    [Test]
    public void Fold_OfGeneratedHistoriesInOrder_EqualsTheFoldOfTheSameEventsReversed()
    {
        var province = DemoSeeder.Generate(new DemoSeedOptions(Seed: 3, Dossiers: 0));
        var calendar = new WorkCalendar(DemoSeeder.StatutoryCalendar());
        var procedures = province.Procedures.ToDictionary(p => p.Code);
        var until = new DateOnly(2025, 12, 30);
        var histories = new DemoHistory(province, calendar, 5)
            .Dossiers(300, until.AddDays(-200), until, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(7)))
            .ToList();
        foreach (var history in histories)
        {
            var ordered = history
                .Select((e, i) => e with { Sequence = i + 1 })
                .OrderBy(e => e.At)
                .ThenBy(e => e.Sequence)
                .ToList();
            var procedure = procedures[history.First(e => e.Type == DossierEventType.Received).ProcedureCode!];
            var reversed = Enumerable.Reverse(ordered).ToList();

            Assert.That(
                DossierFold.Fold(ordered, procedure, calendar),
                Is.EqualTo(DossierFold.Fold(reversed, procedure, calendar)),
                history[0].DossierCode
            );
        }

        Assert.That(histories, Has.Count.EqualTo(300));
    }
}
