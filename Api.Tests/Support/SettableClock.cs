namespace Scorecard.Api.Tests.Support;

/// <summary>A clock that says what the test sets (timers and timestamps are the system's).</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
