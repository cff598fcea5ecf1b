namespace Scorecard.Api.Hosting;

/// <summary>The settings of section <c>RateLimit</c>: each key's request allowance, a token bucket.</summary>
internal sealed class KeyRateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>Requests per second a key may make, sustained (0: no limit).</summary>
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Requests a key may make at once; never less than <see cref="RequestsPerSecond"/>.</summary>
    public int Burst { get; set; } = 400;

    /// <summary>Requests per second each client address may make without a key on the public routes, sustained
    /// (0: no limit).</summary>
    public int PublicRequestsPerSecond { get; set; } = 10;

    /// <summary>Requests each client address may make at once without a key on the public routes; never less than
    /// <see cref="PublicRequestsPerSecond"/>.</summary>
    public int PublicBurst { get; set; } = 30;
}
