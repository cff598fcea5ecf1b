using Scorecard.Api.Tests.Domain.Builders;
using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;

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
}
