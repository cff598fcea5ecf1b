namespace Scorecard.Bench.Crash;

/// <summary>What each cycle measured, and every problem found along the way.</summary>
internal sealed class CrashRun
{
    private readonly List<(double ReadyMs, int DelayMs, bool FromReady, bool Sigkill, bool NewEventsInFlight)> cycles =
    [];

    public List<string> Problems { get; } = [];

    /// <summary>Each cycle's delay before SIGKILL: r = ms after ready, a = ms after the first acknowledged
    /// batch.</summary>
    public string Delays => string.Join(", ", cycles.Select(c => $"{(c.FromReady ? 'r' : 'a')}{c.DelayMs}"));

    public bool EveryExitBySigkill => cycles.TrueForAll(c => c.Sigkill);

    /// <summary>Start-up to ready on a file a SIGKILL left behind (every cycle but the first).</summary>
    public IReadOnlyList<double> RestartsMs => [.. cycles.Skip(1).Select(c => c.ReadyMs).Order()];

    /// <summary>Cycles killed while a request carrying events not acknowledged before was awaiting its
    /// answer.</summary>
    public int KilledWithNewEventsInFlight => cycles.Count(c => c.NewEventsInFlight);

    public void Add(double readyMs, int delayMs, bool fromReady, bool sigkill, bool newEventsInFlight) =>
        cycles.Add((readyMs, delayMs, fromReady, sigkill, newEventsInFlight));
}
