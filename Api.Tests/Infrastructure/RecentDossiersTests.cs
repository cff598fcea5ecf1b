using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Tests.Infrastructure;

public sealed class RecentDossiersTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));

    private static List<DossierEvent> Events(string code, int count) =>
        [
            .. Enumerable
                .Range(1, count)
                .Select(i => new DossierEvent($"{code}-{i}", code, DossierEventType.Digitised, Start.AddHours(i), i)),
        ];

    private static CommittedDossier Dossier(string code, int count, DossierRow? row = null) =>
        new(code, Events(code, count), row);

    private static LogPosition At(long sequence, long rewrites = 0) => new(sequence, rewrites);

    private static DossierRow Row(string code, string status) =>
        new()
        {
            Source = "S",
            Code = code,
            ProcedureId = 1,
            UnitId = 1,
            Channel = "online",
            Status = status,
            ReceivedAt = Start,
        };

    [Test]
    public void Find_AfterACommitAtTheSameSequence_ReturnsTheCommittedEvents()
    {
        var recent = new RecentDossiers(100);
        recent.Begin(At(10));
        recent.Committed(At(12), [Dossier("A", 2)]);

        recent.Begin(At(12));

        Assert.That(recent.Find("A")?.Events.Select(e => e.Id), Is.EqualTo(new[] { "A-1", "A-2" }));
        Assert.That(recent.Find("B"), Is.Null);
    }

    [Test]
    public void Begin_WhenTheLogMovedSinceTheLastCommit_ForgetsEverything()
    {
        var recent = new RecentDossiers(100);
        recent.Begin(At(0));
        recent.Committed(At(2), [Dossier("A", 2)]);

        recent.Begin(At(3)); // someone else appended event 3

        Assert.That(recent.Find("A"), Is.Null);
        Assert.That(recent.Held, Is.Zero);
    }

    [Test]
    public void Begin_WhenTheProjectionsWereRewrittenSinceTheLastCommit_ForgetsEverything()
    {
        var recent = new RecentDossiers(100);
        recent.Begin(At(0));
        recent.Committed(At(2), [Dossier("A", 2, Row("A", "received"))]);

        recent.Begin(At(2, rewrites: 1)); // a rebuild rewrote every row, the log is unchanged

        Assert.That(recent.Find("A"), Is.Null);
        Assert.That(recent.Held, Is.Zero);
    }

    [Test]
    public void Find_GivesTheRowAsCommitted_OrNoneForADossierNotYetReceived()
    {
        var recent = new RecentDossiers(100);
        var row = Row("A", "resolved");
        recent.Committed(At(3), [Dossier("A", 2, row), Dossier("B", 1)]);

        recent.Begin(At(3));

        Assert.That(recent.Find("A")?.Row, Is.SameAs(row));
        var b = recent.Find("B");
        Assert.That(b, Is.Not.Null);
        Assert.That(b!.Value.Row, Is.Null);
    }

    [Test]
    public void Begin_WhenTheProviderDoesNotTrackTheSequence_HoldsNothing()
    {
        var recent = new RecentDossiers(100);
        recent.Begin(null);
        recent.Committed(null, [Dossier("A", 2)]);
        recent.Begin(null);

        Assert.That(recent.Find("A"), Is.Null);
    }

    [Test]
    public void Find_ReturnsACopy_SoATransactionThatFailsLeavesTheCacheAsCommitted()
    {
        var recent = new RecentDossiers(100);
        recent.Committed(At(2), [Dossier("A", 2)]);
        recent.Begin(At(2));

        recent.Find("A")!.Value.Events.Add(Events("A", 3)[2]);

        Assert.That(recent.Find("A")?.Events, Has.Count.EqualTo(2));
    }

    [Test]
    public void Committed_OverCapacity_DropsTheLeastRecentlyUsedDossiersFirst()
    {
        var recent = new RecentDossiers(5);
        recent.Committed(At(1), [Dossier("A", 2), Dossier("B", 2)]);
        recent.Begin(At(1));
        Assert.That(recent.Find("A"), Is.Not.Null); // A is now more recent than B

        recent.Committed(At(2), [Dossier("C", 2)]); // 6 events > 5: B leaves

        recent.Begin(At(2));
        Assert.That(
            (recent.Find("A") is null, recent.Find("B") is null, recent.Find("C") is null),
            Is.EqualTo((false, true, false))
        );
        Assert.That(recent.Held, Is.EqualTo(4));
    }

    [Test]
    public void Committed_ReplacesADossiersList_AndCountsItOnce()
    {
        var recent = new RecentDossiers(100);
        recent.Committed(At(2), [Dossier("A", 2)]);
        recent.Committed(At(5), [Dossier("A", 5)]);

        recent.Begin(At(5));

        Assert.That(recent.Find("A")?.Events, Has.Count.EqualTo(5));
        Assert.That(recent.Held, Is.EqualTo(5));
    }

    [Test]
    public void Committed_WithNoCapacity_HoldsNothing()
    {
        var recent = new RecentDossiers(0);
        recent.Committed(At(2), [Dossier("A", 2)]);
        recent.Begin(At(2));

        Assert.That(recent.Find("A"), Is.Null);
    }
}
