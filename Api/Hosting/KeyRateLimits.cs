using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Scorecard.Api.Auth;
using Scorecard.Infrastructure.Telemetry;

namespace Scorecard.Api.Hosting;

/// <summary>
/// A token bucket per API key (per client address for requests without one): <c>RateLimit:RequestsPerSecond</c>
/// sustained, <c>RateLimit:Burst</c> at once; 0 turns it off. Beyond it: 429 with <c>Retry-After</c>.
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
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<IOptions<KeyRateLimitOptions>>(
                (o, limits) =>
                {
                    var perSecond = limits.Value.RequestsPerSecond;
                    var burst = Math.Max(limits.Value.Burst, perSecond);
                    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    o.OnRejected = RejectAsync;
                    o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                        perSecond <= 0
                        || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                            ? RateLimitPartition.GetNoLimiter("unlimited")
                            : RateLimitPartition.GetTokenBucketLimiter(
                                PartitionOf(context),
                                _ => new TokenBucketRateLimiterOptions
                                {
                                    TokenLimit = burst,
                                    TokensPerPeriod = perSecond,
                                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                                    QueueLimit = 0,
                                    AutoReplenishment = true,
                                }
                            )
                    );
                }
            );
        return services;
    }

    private static string PartitionOf(HttpContext context) =>
        context.User.KeyId() is { } key ? "key:" + key
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
                        Detail = $"This key has used its request allowance; retry after {seconds} s.",
                    },
                }
            )
            .ConfigureAwait(false);
    }
}
