namespace Scorecard.Api.Hosting;

/// <summary>What the server accepts before any route runs: body, header and request-line sizes.</summary>
internal static class ServerLimits
{
    /// <summary>Largest request body accepted by any route (the dossier-event limit).</summary>
    public const long MaxRequestBodyBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Longest request line (method, target and version) answered: longer ones get a 414 with an error body
    /// (<see cref="RequestLineLimit"/>). Kestrel's own limit sits above it, so only lines past that one get
    /// Kestrel's empty 414.
    /// </summary>
    public const int MaxRequestLineBytes = 8 * 1024;

    public static IWebHostBuilder UseScorecardServerLimits(this IWebHostBuilder webHost) =>
        webHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * MaxRequestLineBytes;
            k.AddServerHeader = false;
        });
}
