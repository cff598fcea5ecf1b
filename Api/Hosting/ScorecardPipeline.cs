using Scorecard.Api.Endpoints;
using Scorecard.Api.OData;
using Scorecard.Api.OpenApi;

namespace Scorecard.Api.Hosting;

internal static class ScorecardPipeline
{
    public static WebApplication UseScorecard(this WebApplication app)
    {
        app.Use(RequestLogging.ScopeAsync);
        app.Use(SecurityHeaders);
        app.UseExceptionHandler(
            new ExceptionHandlerOptions { SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException }
        );
        app.UseStatusCodePages();
        app.UseBodySizeLimit(ServerLimits.MaxRequestBodyBytes);
        app.UseKnownCharsetsOnly();
        app.UseScorecardOpenApi();
        app.UseAuthentication();
        app.Use(RequestLogging.IdentifyAsync);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseODataRequestHeaderCheck();

        app.MapHealthEndpoints();
        app.MapUnitEndpoints();
        app.MapProcedureEndpoints();
        app.MapCalendarEndpoints();
        app.MapOfficeHoursEndpoints();
        app.MapIndicatorEndpoints();
        app.MapKeyEndpoints();
        app.MapDossierEventEndpoints();
        app.MapDossierEndpoints();
        app.MapPortalEndpoints();
        app.MapTargetEndpoints();
        app.MapAuditEndpoints();
        app.MapControllers();
        return app;
    }

    /// <summary>
    /// Set as the answer starts, so that they survive the exception handler, which clears the
    /// headers of a failed request before it writes the problem document. Every answer but the
    /// health probes' and the docs' carries data or an error about it and is not to be stored;
    /// the exceptions are matched, like routes, whatever the case of the path.
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(
            static state =>
            {
                var context = (HttpContext)state;
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (!KeepsItsOwnCaching(context.Request.Path))
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            },
            context
        );
        return next();
    }

    /// <summary>The health checks send their own no-cache headers; the docs hold no data.</summary>
    private static bool KeepsItsOwnCaching(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase);
}
