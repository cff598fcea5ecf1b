using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Sync;

namespace Scorecard.Api.Tests.Domain.Sync;

/// <summary>
/// A dossier received Mon 3 Mar 2025 08:00 (Vietnam time) online at P.A.1, promised Thu 6 08:00; a supplement
/// asked Tue 4 09:00 and supplied Wed 5 09:00, promised anew Fri 7 08:00; handled Thu 6 15:00; returned Fri 7
/// 10:00. Stage n is its snapshot at the n-th of those moments.
/// </summary>
public sealed class SnapshotEventsTests
{
    private static readonly DateTimeOffset Now = Parse.At("2026-01-01T00:00:00+07:00");

    private static DossierSnapshot Stage(int stage) =>
        new(
            "S-1",
            stage switch
            {
                1 => SyncStatus.Received,
                2 => SyncStatus.AwaitingSupplement,
                3 => SyncStatus.Processing,
                4 => SyncStatus.Resolved,
                _ => SyncStatus.Returned,
            }
        )
        {
            ProcedureCode = "1.000001",
            UnitCode = "P.A.1",
            Channel = Channel.Online,
            ReceivedAt = Parse.At("2025-03-03T08:00:00+07:00"),
            DueAt = Parse.At(stage >= 3 ? "2025-03-07T08:00:00+07:00" : "2025-03-06T08:00:00+07:00"),
            FinishedAt = stage >= 4 ? Parse.At("2025-03-06T15:00:00+07:00") : null,
            ReturnedAt = stage == 5 ? Parse.At("2025-03-07T10:00:00+07:00") : null,
            Supplements = stage switch
            {
                1 => [],
                2 => [new(Parse.At("2025-03-04T09:00:00+07:00"), null, Parse.At("2025-03-06T08:00:00+07:00"), null)],
                _ =>
                [
                    new(
                        Parse.At("2025-03-04T09:00:00+07:00"),
                        Parse.At("2025-03-05T09:00:00+07:00"),
                        Parse.At("2025-03-06T08:00:00+07:00"),
                        Parse.At("2025-03-07T08:00:00+07:00")
                    ),
                ],
            },
            ElectronicResult = stage == 5,
        };

    /// <summary>Derives each snapshot in turn against what the earlier ones stored.</summary>
    private static List<DossierEvent> Apply(IEnumerable<DossierSnapshot> snapshots)
    {
        var stored = new List<DossierEvent>();
        foreach (var snapshot in snapshots)
        {
            var derivation = SnapshotEvents.Derive(snapshot, stored, Now);
            Assert.That(derivation.Problems, Is.Empty);
            stored.AddRange(derivation.Events.Select(d => d.Event with { Sequence = stored.Count + 1 }));
        }

        return stored;
    }

    private static DossierState Fold(List<DossierEvent> events) =>
        DossierFold.Fold(events, null, WorkCalendar.WeekdaysOnly)!;

    [Test]
    public void Derive_WhenTheFiveStagesComeInOrder_GivesTheLifesEvents()
    {
        var events = Apply(Enumerable.Range(1, 5).Select(Stage));

        Assert.That(
            events.Select(e => (e.Type, e.At)),
            Is.EqualTo(
                new[]
                {
                    (DossierEventType.Received, Parse.At("2025-03-03T08:00:00+07:00")),
                    (DossierEventType.SupplementRequested, Parse.At("2025-03-04T09:00:00+07:00")),
                    (DossierEventType.SupplementCompleted, Parse.At("2025-03-05T09:00:00+07:00")),
                    (DossierEventType.Resolved, Parse.At("2025-03-06T15:00:00+07:00")),
                    (DossierEventType.Returned, Parse.At("2025-03-07T10:00:00+07:00")),
                }
            )
        );
        Assert.That(events[0].DueAt, Is.EqualTo(Parse.At("2025-03-06T08:00:00+07:00")));
        Assert.That(events[2].DueAt, Is.EqualTo(Parse.At("2025-03-07T08:00:00+07:00")));
    }

    [Test]
    public void Derive_WhenTheSameSnapshotComesAgain_AddsNothing()
    {
        var stored = Apply([Stage(5)]);

        Assert.That(SnapshotEvents.Derive(Stage(5), stored, Now).Events, Is.Empty);
        Assert.That(SnapshotEvents.Derive(Stage(2), stored, Now).Events, Is.Empty);
    }

    [Test]
    public void Derive_InEveryOrderOfTheFiveStages_FoldsToTheSameDossier()
    {
        var expected = Fold(Apply(Enumerable.Range(1, 5).Select(Stage)));

        foreach (var order in Permutations([1, 2, 3, 4, 5]))
        {
            var events = Apply(order.Select(Stage));

            Assert.That(Fold(events), Is.EqualTo(expected), string.Join(",", order));
            Assert.That(events.Select(e => e.Id).Distinct().Count(), Is.EqualTo(5));
        }
    }

    [Test]
    public void Derive_WhenNgayHenTraMovesLaterWithoutASupplement_IsAnApologyDatedWhenTheOldDateRanOut()
    {
        var stored = Apply([Stage(1)]);
        var moved = Stage(1) with { Status = SyncStatus.Processing, DueAt = Parse.At("2025-03-10T08:00:00+07:00") };

        var change = SnapshotEvents.Derive(moved, stored, Now).Events.Single().Event;

        Assert.That(change.Type, Is.EqualTo(DossierEventType.DueChanged));
        Assert.That(change.Reason, Is.EqualTo(DueChangeReason.Apology));
        Assert.That(change.At, Is.EqualTo(Parse.At("2025-03-06T08:00:00+07:00")));
        Assert.That(change.DueAt, Is.EqualTo(Parse.At("2025-03-10T08:00:00+07:00")));
        Assert.That(Fold([.. stored, change]).DueAt, Is.EqualTo(Parse.At("2025-03-06T08:00:00+07:00")));
    }

    [Test]
    public void Derive_WhenNgayHenTraMovesTwiceWithoutASupplement_ShowsTheLastApologyDate()
    {
        var stored = Apply([Stage(1)]);
        var first = Stage(1) with { DueAt = Parse.At("2025-03-10T08:00:00+07:00") };
        var second = Stage(1) with { DueAt = Parse.At("2025-03-12T08:00:00+07:00") };

        stored = Apply([Stage(1), first, second]);

        Assert.That(stored.Count(e => e.Reason == DueChangeReason.Apology), Is.EqualTo(2));
        Assert.That(Fold(stored).ApologyDueAt, Is.EqualTo(Parse.At("2025-03-12T08:00:00+07:00")));
        Assert.That(Fold(stored).DueAt, Is.EqualTo(Parse.At("2025-03-06T08:00:00+07:00")));
    }

    [Test]
    public void Derive_WhenNgayHenTraMovesEarlierWithoutASupplement_IsACorrection()
    {
        var stored = Apply([Stage(1)]);
        var moved = Stage(1) with { DueAt = Parse.At("2025-03-05T08:00:00+07:00") };

        // Stored after the reception (the same instant: arrival order decides).
        var change = SnapshotEvents.Derive(moved, stored, Now).Events.Single().Event with { Sequence = 9 };

        Assert.That(change.Reason, Is.EqualTo(DueChangeReason.Correction));
        Assert.That(Fold([.. stored, change]).DueAt, Is.EqualTo(Parse.At("2025-03-05T08:00:00+07:00")));
    }

    [Test]
    public void Derive_WhenSubmittedOnly_AddsNothing() =>
        Assert.That(SnapshotEvents.Derive(Stage(1) with { Status = SyncStatus.Submitted }, [], Now).Events, Is.Empty);

    [TestCase(SyncStatus.Resolved, "NgayKetThucXuLy")]
    [TestCase(SyncStatus.Returned, "NgayTra")]
    [TestCase(SyncStatus.Stopped, "NgayKetThucXuLy")]
    public void Derive_WhenAnEndHasNoTime_RejectsNamingTheField(SyncStatus status, string field)
    {
        var derivation = SnapshotEvents.Derive(Stage(1) with { Status = status }, [], Now);

        Assert.That(derivation.Events, Is.Empty);
        Assert.That(derivation.Problems.Select(p => p.Field), Is.EqualTo(new[] { field }));
    }

    [Test]
    public void Derive_WhenPaidOnTheProvincialGateway_IsAnOnlinePaymentOfTheFees()
    {
        var paid = SnapshotEvents
            .Derive(Stage(1) with { FeeAmount = 50_000, PaidVia = PaymentChannel.ProvincialGateway }, [], Now)
            .Events.Single(d => d.Event.Type == DossierEventType.Paid)
            .Event;

        Assert.That(
            (paid.PaymentMethod, paid.PaidVia, paid.Amount),
            Is.EqualTo((PaymentMethod.Online, PaymentChannel.ProvincialGateway, 50_000L))
        );
    }

    [Test]
    public void FromStatus_WhenTheDossierIsUnknown_RejectsNamingMaHoSo() =>
        Assert.That(
            SnapshotEvents.FromStatus("S-1", SyncStatus.Resolved, Now, []).Problems.Single().Field,
            Is.EqualTo("MaHoSo")
        );

    [Test]
    public void FromStatus_WhenSupplementAskedThenHandlingResumes_PausesTheClock()
    {
        var stored = Apply([Stage(1)]);
        var asked = SnapshotEvents
            .FromStatus("S-1", SyncStatus.AwaitingSupplement, Parse.At("2025-03-04T09:00:00+07:00"), stored)
            .Events.Select(d => d.Event);
        stored.AddRange(asked);
        var resumed = SnapshotEvents
            .FromStatus("S-1", SyncStatus.Processing, Parse.At("2025-03-05T09:00:00+07:00"), stored)
            .Events.Select(d => d.Event);
        stored.AddRange(resumed);

        var state = Fold(stored);

        Assert.That(state.SupplementCount, Is.EqualTo(1));
        Assert.That(state.SupplementDuration, Is.EqualTo(TimeSpan.FromDays(1)));
        // The supplement from a snapshot that shows the same request adds nothing.
        Assert.That(SnapshotEvents.Derive(Stage(3), stored, Now).Events.Select(d => d.Event.Type), Is.Empty);
    }

    private static IEnumerable<int[]> Permutations(int[] items) =>
        items.Length <= 1
            ? [items]
            : items.SelectMany(
                (item, i) =>
                    Permutations([.. items.Take(i), .. items.Skip(i + 1)]).Select(rest => (int[])[item, .. rest])
            );
}
