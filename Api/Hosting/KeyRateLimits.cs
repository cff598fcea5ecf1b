using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scorecard.Api.Auth;
using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Api.Hosting;

/// <summary>
/// A token bucket per API key (per client address for requests without one): <c>RateLimit:RequestsPerSecond</c>
/// sustained, <c>RateLimit:Burst</c> at once; 0 turns it off. Public reads without a key (<see cref="PublicRead"/>)
/// have a stricter bucket per client address: <c>RateLimit:PublicRequestsPerSecond</c> and <c>PublicBurst</c>.
/// Beyond it: 429 with <c>Retry-After</c>.
/// Health probes are never limited, however their path is cased (routes ignore case).
/// </summary>
internal static class KeyRateLimits
{
    public static IServiceCollection AddKeyRateLimits(this IServiceCollection services)
    {
        services
            .AddOptions<KeyRateLimitOptions>()
            .BindConfiguration(KeyRateLimitOptions.Section)
            .Validate(
                o => o.RequestsPerSecond >= 0,
                "RateLimit:RequestsPerSecond must be 0 (no limit) or a number of requests."
            )
            .Validate(o => o.Burst >= 0, "RateLimit:Burst must be 0 or a number of requests.")
            .Validate(
                o => o.PublicRequestsPerSecond >= 0,
                "RateLimit:PublicRequestsPerSecond must be 0 (no limit) or a number of requests."
            )
            .Validate(o => o.PublicBurst >= 0, "RateLimit:PublicBurst must be 0 or a number of requests.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<IOptions<KeyRateLimitOptions>>(
                (o, limits) =>
                {
                    var keys = Bucket(limits.Value.RequestsPerSecond, limits.Value.Burst);
                    var visitors = Bucket(limits.Value.PublicRequestsPerSecond, limits.Value.PublicBurst);
                    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    o.OnRejected = RejectAsync;
                    o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    {
                        var bucket = context.User.IsPublicVisitor() ? visitors : keys;
                        return
                            bucket is null
                            || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                            ? RateLimitPartition.GetNoLimiter("unlimited")
                            : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => bucket);
                    });
                }
            );
        return services;
    }

    /// <summary>A token bucket refilled each second, or null for no limit.</summary>
    private static TokenBucketRateLimiterOptions? Bucket(int perSecond, int burst) =>
        perSecond <= 0
            ? null
            : new TokenBucketRateLimiterOptions
            {
                TokenLimit = Math.Max(burst, perSecond),
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            };

    private static string PartitionOf(HttpContext context) =>
        context.User.IsPublicVisitor() ? "public:" + context.Connection.RemoteIpAddress
        : context.User.KeyId() is { } key ? "key:" + key
        : context.User.Identity?.IsAuthenticated == true ? "bootstrap"
        : "address:" + context.Connection.RemoteIpAddress;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
            : 1;
        var http = rejected.HttpContext;
        http.RequestServices.GetRequiredService<ScorecardMetrics>().RateLimited("requests");
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http
            .RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too Many Requests",
                        Detail = http.User.IsPublicVisitor()
                            ? $"This address has used its allowance of reads without a key; retry after {seconds} s."
                            : $"This key has used its request allowance; retry after {seconds} s.",
                    },
                }
            )
            .ConfigureAwait(false);
    }
}
