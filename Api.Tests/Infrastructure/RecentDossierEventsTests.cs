using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Ingestion;

namespace Scorecard.Api.Tests.Infrastructure;

public sealed class RecentDossierEventsTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));

    private static List<DossierEvent> Events(string code, int count) =>
        [
            .. Enumerable
                .Range(1, count)
                .Select(i => new DossierEvent($"{code}-{i}", code, DossierEventType.Digitised, At.AddHours(i), i)),
        ];

    private static KeyValuePair<string, List<DossierEvent>> Dossier(string code, int count) =>
        new(code, Events(code, count));

    [Test]
    public void Find_AfterACommitAtTheSameSequence_ReturnsTheCommittedEvents()
    {
        var recent = new RecentDossierEvents(100);
        recent.Begin(10);
        recent.Committed(12, [Dossier("A", 2)]);

        recent.Begin(12);

        Assert.That(recent.Find("A")?.Select(e => e.Id), Is.EqualTo(new[] { "A-1", "A-2" }));
        Assert.That(recent.Find("B"), Is.Null);
    }

    [Test]
    public void Begin_WhenTheLogMovedSinceTheLastCommit_ForgetsEverything()
    {
        var recent = new RecentDossierEvents(100);
        recent.Begin(0);
        recent.Committed(2, [Dossier("A", 2)]);

        recent.Begin(3); // someone else appended event 3

        Assert.That(recent.Find("A"), Is.Null);
        Assert.That(recent.Held, Is.Zero);
    }

    [Test]
    public void Begin_WhenTheProviderDoesNotTrackTheSequence_HoldsNothing()
    {
        var recent = new RecentDossierEvents(100);
        recent.Begin(null);
        recent.Committed(null, [Dossier("A", 2)]);
        recent.Begin(null);

        Assert.That(recent.Find("A"), Is.Null);
    }

    [Test]
    public void Find_ReturnsACopy_SoATransactionThatFailsLeavesTheCacheAsCommitted()
    {
        var recent = new RecentDossierEvents(100);
        recent.Committed(2, [Dossier("A", 2)]);
        recent.Begin(2);

        recent.Find("A")!.Add(Events("A", 3)[2]);

        Assert.That(recent.Find("A"), Has.Count.EqualTo(2));
    }

    [Test]
    public void Committed_OverCapacity_DropsTheLeastRecentlyUsedDossiersFirst()
    {
        var recent = new RecentDossierEvents(5);
        recent.Committed(1, [Dossier("A", 2), Dossier("B", 2)]);
        recent.Begin(1);
        Assert.That(recent.Find("A"), Is.Not.Null); // A is now more recent than B

        recent.Committed(2, [Dossier("C", 2)]); // 6 events > 5: B leaves

        recent.Begin(2);
        Assert.That(
            (recent.Find("A") is null, recent.Find("B") is null, recent.Find("C") is null),
            Is.EqualTo((false, true, false))
        );
        Assert.That(recent.Held, Is.EqualTo(4));
    }

    [Test]
    public void Committed_ReplacesADossiersList_AndCountsItOnce()
    {
        var recent = new RecentDossierEvents(100);
        recent.Committed(2, [Dossier("A", 2)]);
        recent.Committed(5, [Dossier("A", 5)]);

        recent.Begin(5);

        Assert.That(recent.Find("A"), Has.Count.EqualTo(5));
        Assert.That(recent.Held, Is.EqualTo(5));
    }

    [Test]
    public void Committed_WithNoCapacity_HoldsNothing()
    {
        var recent = new RecentDossierEvents(0);
        recent.Committed(2, [Dossier("A", 2)]);
        recent.Begin(2);

        Assert.That(recent.Find("A"), Is.Null);
    }
}
