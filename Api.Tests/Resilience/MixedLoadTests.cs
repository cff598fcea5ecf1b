using Scorecard.Api.Tests.Support;
using Scorecard.Bench.Load;

namespace Scorecard.Api.Tests.Resilience;

/// <summary>
/// Mixed load, by a short run of the load benchmark: the API as its own process on a SQLite file with
/// half a year of dossiers ingested, then integrators posting, portal readers and analysts paging feeds
/// all at once. SCORECARD_LOAD_SECONDS (default 10) chooses a longer run.
/// </summary>
[Category("Resilience")]
public sealed class MixedLoadTests
{
    private const int DefaultSeconds = 10;
    private const int ClientsOfEachKind = 2;
    private const int Dossiers = 20_000;

    /// <summary>Added to the load's length: far beyond the set-up's time on a busy machine; only a hung process reaches
    /// it.</summary>
    private static readonly TimeSpan HangMargin = TimeSpan.FromMinutes(10);

    private LoadReport load = null!;

    [OneTimeSetUp]
    public async Task RunAsync()
    {
        var seconds = TestSetting.Positive("SCORECARD_LOAD_SECONDS", DefaultSeconds);
        load = await LoadBenchmark
            .RunAsync(seconds, ClientsOfEachKind, ClientsOfEachKind, ClientsOfEachKind, Dossiers)
            .WaitAsync(TimeSpan.FromSeconds(seconds) + HangMargin);
    }

    [Test]
    public void Answers_UnderMixedLoad_AreNeverServerErrors()
    {
        Assert.That(load.Samples.Where(s => s.Status >= 500), Is.Empty);
    }

    [Test]
    public void Answers_UnderMixedLoad_NeverMentionALockedDatabase()
    {
        Assert.That(load.Samples.Where(s => s.Locked), Is.Empty);
    }

    [TestCase("ingest")]
    [TestCase("portal")]
    [TestCase("odata")]
    public void Requests_OfEachKind_AreAnswered200(string kind)
    {
        var answers = load.Samples.Where(s => s.Kind == kind).ToList();

        Assert.That(answers, Is.Not.Empty);
        Assert.That(answers.Where(s => s.Status != 200), Is.Empty);
    }

    [Test]
    public void Run_Always_Passes()
    {
        TestContext.Out.WriteLine(load.Render());

        Assert.That(load.Passed, Is.True);
    }
}
