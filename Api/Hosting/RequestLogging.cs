using System.Diagnostics;
using Scorecard.Api.Auth;

namespace Scorecard.Api.Hosting;

/// <summary>
/// Logs: JSON lines on the console in Production (with their scopes: the trace and span ids, and the request's
/// <see cref="RequestLogScope"/>), and one line per request naming its route pattern, never its path or query,
/// so no dossier code or filter text reaches the log; the service logs no dossier content anywhere.
/// </summary>
internal static partial class RequestLogging
{
    /// <summary>The category of the per-request line (Information; raise it to Warning to silence it).</summary>
    public const string Category = "Scorecard.Api.Requests";

    public static ILoggingBuilder AddScorecardLogging(this ILoggingBuilder logging, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        logging.Configure(o =>
            o.ActivityTrackingOptions =
                ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId
        );
        if (environment.IsProduction())
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            });
        }

        return logging;
    }

    /// <summary>Opens the request's scope (the first middleware) and logs the answer when the request ends.</summary>
    public static async Task ScopeAsync(HttpContext context, Func<Task> next)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        var scope = new RequestLogScope();
        context.Features.Set(scope);
        var started = Stopwatch.GetTimestamp();
        using (logger.BeginScope(scope))
        {
            try
            {
                await next().ConfigureAwait(false);
            }
            finally
            {
                if (logger.IsEnabled(LogLevel.Information))
                {
                    var route = RouteOf(context);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    LogAnswered(logger, context.Request.Method, route, context.Response.StatusCode, elapsed);
                }
            }
        }
    }

    /// <summary>The route pattern the request matched (<c>/api/dossiers/{code}</c>), never its path.</summary>
    private static string RouteOf(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint route ? "/" + route.RoutePattern.RawText?.TrimStart('/') : "(none)";

    /// <summary>Fills the request's scope once authentication has read the key.</summary>
    public static Task IdentifyAsync(HttpContext context, Func<Task> next)
    {
        if (context.Features.Get<RequestLogScope>() is { } scope && context.User.Identity?.IsAuthenticated == true)
        {
            scope.Identify(Caller.Of(context));
        }

        return next();
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "{Method} {Route} answered {StatusCode} in {Milliseconds:F1} ms"
    )]
    private static partial void LogAnswered(
        ILogger logger,
        string method,
        string route,
        int statusCode,
        double milliseconds
    );
}
