using Microsoft.AspNetCore.OData;
using Microsoft.Extensions.Options;
using Scorecard.Api.Browsers;
using Scorecard.Api.Caching;
using Scorecard.Api.Endpoints;
using Scorecard.Api.OData;
using Scorecard.Api.OpenApi;
using Scorecard.Api.Sync;
using Scorecard.Api.Validation;

namespace Scorecard.Api.Hosting;

internal static class ScorecardPipeline
{
    public static WebApplication UseScorecard(this WebApplication app)
    {
        app.UseRequestLineLimit();
        app.UsePublicAddress();
        app.Use(RequestLogging.ScopeAsync);
        // Before routing: key paths are rewritten into the form the OData routes match.
        app.UseODataKeyPaths(
            app.Services.GetRequiredService<IOptions<ODataOptions>>()
                .Value.RouteComponents[ODataSetup.RoutePrefix]
                .EdmModel
        );
        app.UseRouting();
        app.Use(SecurityHeaders);
        app.UseResponseCompression();
        app.UseExceptionHandler(
            new ExceptionHandlerOptions { SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException }
        );
        app.UseStatusCodePages();
        app.UseBodySizeLimit(ServerLimits.MaxRequestBodyBytes);
        app.UseKnownCharsetsOnly();
        app.UseScorecardOpenApi();
        app.UseBrowserCors();
        app.UseAuthentication();
        app.Use(RequestLogging.IdentifyAsync);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseKnownQueryParametersOnly();
        app.UseETags();
        app.UseODataRequestHeaderCheck();

        app.MapHealthEndpoints();
        app.MapUnitEndpoints();
        app.MapProcedureEndpoints();
        app.MapCalendarEndpoints();
        app.MapOfficeHoursEndpoints();
        app.MapIndexEndpoints();
        app.MapPublicationEndpoints();
        app.MapIndicatorEndpoints();
        app.MapLabelEndpoints();
        app.MapKeyEndpoints();
        app.MapDossierEventEndpoints();
        app.MapSyncEndpoints();
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
    /// health probes' and the docs' carries data or an error about it and is not to be stored, unless it is a
    /// read whose caching <see cref="ETags"/> decided; the exceptions are matched, like routes, whatever the case
    /// of the path.
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
                if (!KeepsItsOwnCaching(context.Request.Path) && !ETags.Decided(context))
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
