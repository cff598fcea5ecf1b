using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Scorecard.Api.Auth;

namespace Scorecard.Api.Hosting;

/// <summary>
/// A token bucket per API key (per client address for requests without one): <c>RateLimit:RequestsPerSecond</c>
/// sustained, <c>RateLimit:Burst</c> at once; 0 turns it off. Beyond it: 429 with <c>Retry-After</c>.
/// Health probes are never limited, however their path is cased (routes ignore case).
/// </summary>
internal static class KeyRateLimits
{
    public const int DefaultRequestsPerSecond = 200;
    public const int DefaultBurst = 400;

    public static IServiceCollection AddKeyRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var perSecond = configuration.GetValue("RateLimit:RequestsPerSecond", DefaultRequestsPerSecond);
        var burst = Math.Max(configuration.GetValue("RateLimit:Burst", DefaultBurst), perSecond);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                perSecond <= 0 || context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter("unlimited")
                    : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = perSecond,
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    }));
        });
        return services;
    }

    private static string PartitionOf(HttpContext context) =>
        context.User.KeyId() is { } key ? "key:" + key
        : context.User.Identity?.IsAuthenticated == true ? "bootstrap"
        : "address:" + context.Connection.RemoteIpAddress;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too Many Requests",
                Detail = $"This key has used its request allowance; retry after {seconds} s.",
            },
        }).ConfigureAwait(false);
    }
}
