using Scorecard.Api.Tests.Support;
using Scorecard.Bench.Crash;

namespace Scorecard.Api.Tests.Resilience;

/// <summary>
/// Crash safety of ingestion, by a short run of the crash benchmark: the API as its own process on a
/// SQLite file, killed with SIGKILL at random moments while clients post batches (with retries and
/// duplicates), restarted on the same file; then, with the service stopped, the file is checked.
/// SCORECARD_CRASH_CYCLES (default 3) chooses a longer run, with 1,500 more dossiers a cycle.
/// </summary>
[Category("Resilience")]
public sealed class CrashSafetyTests
{
    private const int DefaultCycles = 3;
    private const int Clients = 2;
    private const int DossiersPerCycle = 1_500;
    private const int Seed = 1;

    /// <summary>Far beyond a run's time on a busy machine; only a hung process reaches it.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(10);

    private CrashReport crash = null!;

    [OneTimeSetUp]
    public async Task RunAsync()
    {
        var cycles = TestSetting.Positive("SCORECARD_CRASH_CYCLES", DefaultCycles);
        crash = await CrashBenchmark
            .RunAsync(cycles, Clients, cycles * DossiersPerCycle, Seed, keepFailedDatabase: false)
            .WaitAsync(Deadline);
    }

    [Test]
    public void Cycles_WhileClientsPost_EndBySigkillAfterBatchesWereAcknowledged()
    {
        Assert.That(
            crash.Run.EveryExitBySigkill,
            Is.True,
            "every cycle's API must end by SIGKILL: " + crash.Run.Delays
        );
        Assert.That(crash.Traffic.AcknowledgedIds, Is.Not.Empty);
        Assert.That(
            crash.Traffic.Requests,
            Is.GreaterThan(crash.Traffic.AcknowledgedRequests),
            "some requests lost their answer to a kill"
        );
    }

    [Test]
    public void EventLog_AfterTheCrashes_HoldsEveryAcknowledgedEvent()
    {
        Assert.That(crash.Stored.Lost, Is.Zero, string.Join("; ", crash.Stored.Problems));
        Assert.That(crash.Stored.StoredEvents, Is.GreaterThanOrEqualTo(crash.Traffic.AcknowledgedIds.Count));
    }

    [Test]
    public void EventLog_AfterTheCrashes_HoldsEachBatchWholeOrNotAtAll()
    {
        Assert.That(crash.Stored.BatchesChecked, Is.Positive);
        Assert.That(
            crash.Stored.WholeBatches + crash.Stored.AbsentBatches,
            Is.EqualTo(crash.Stored.BatchesChecked),
            string.Join("; ", crash.Stored.Problems)
        );
        Assert.That(crash.Stored.Stray, Is.Zero, "events stored that no request carried");
    }

    [Test]
    public void Projections_AfterTheCrashes_EqualARebuildFromTheLog()
    {
        Assert.That(crash.Projections.Mismatches, Is.Empty);
        Assert.That(
            crash.Projections.Tables.Select(t => t.Rows),
            Has.All.Positive,
            "the projections hold the stored events"
        );
    }

    [Test]
    public void Requests_WhileTheApiIsUp_AreAnsweredWithEveryEventAccepted()
    {
        Assert.That(crash.Traffic.Anomalies, Is.Empty);
    }

    [Test]
    public void Run_Always_FindsNoProblem()
    {
        TestContext.Out.WriteLine(CrashReport.Render(crash));

        Assert.That(crash.Run.Problems, Is.Empty);
        Assert.That(crash.Passed, Is.True);
    }
}
