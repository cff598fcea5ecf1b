namespace Scorecard.Api.Tests.Support;

/// <summary>The system clock, except that it throws <see cref="Failure"/> while one is set: a way to make a route fail
/// unexpectedly.</summary>
internal sealed class FailingClock : TimeProvider
{
    public Exception? Failure { get; set; }

    public override DateTimeOffset GetUtcNow() => Failure is { } failure ? throw failure : System.GetUtcNow();
}
