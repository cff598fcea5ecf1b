namespace Scorecard.Infrastructure.Seed;

/// <summary>
/// How far the demo seeding of this process has gone, for the readiness probe: null when no seeding is
/// expected or under way. Written by one seeder, read by any request.
/// </summary>
public sealed class DemoSeedProgress
{
    public const int Steps = 4;

    private volatile Stage? current;

    public Stage? Current => current;

    /// <summary>Seeding will start (before the process takes requests), or has started.</summary>
    public void Expect() => current = new Stage(0, "waiting to start", 0);

    public void Report(int step, string what, int percent) => current = new Stage(step, what, percent);

    public void Finish() => current = null;

    /// <summary>Step <paramref name="Number"/> of <see cref="Steps"/> (0 before the first), and its percent
    /// done.</summary>
    public sealed record Stage(int Number, string What, int Percent);
}
