using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;
using Scorecard.Api.Auth;

namespace Scorecard.Api.Browsers;

/// <summary>
/// Cross-origin access for the pages of <c>Cors:AllowedOrigins</c>. It runs before authentication, so a
/// preflight (which a browser sends without the key) is answered 204 by itself; an origin not listed gets no
/// <c>Access-Control-Allow-Origin</c>, and the browser keeps the answer from the page. Keys travel in headers,
/// never cookies, so credentials are not allowed.
/// </summary>
internal static class BrowserCors
{
    public const string Policy = "browsers";

    /// <summary>What a page may send: the key in either form, a JSON body, and a stored ETag to revalidate.</summary>
    private static readonly string[] RequestHeaders =
    [
        ApiKeyAuthenticationHandler.HeaderName,
        "Authorization",
        "Content-Type",
        "If-None-Match",
    ];

    /// <summary>Answer headers a page may read beyond the safelisted ones.</summary>
    private static readonly string[] ExposedHeaders = ["ETag", "Retry-After", "Link"];

    public static IServiceCollection AddBrowserCors(this IServiceCollection services)
    {
        services
            .AddOptions<AllowedOriginsOptions>()
            .BindConfiguration(AllowedOriginsOptions.Section)
            .Validate(
                o => o.AreValid(),
                "Cors:AllowedOrigins must list origins such as https://portal.example (scheme, host, port; no path)."
            )
            .ValidateOnStart();
        services.AddCors();
        services
            .AddOptions<CorsOptions>()
            .Configure<IOptions<AllowedOriginsOptions>>(
                (cors, settings) =>
                    cors.AddPolicy(
                        Policy,
                        new CorsPolicyBuilder()
                            .WithOrigins([.. settings.Value.AllowedOrigins.Select(o => o.TrimEnd('/'))])
                            .WithMethods("GET", "POST", "PUT", "DELETE")
                            .WithHeaders(RequestHeaders)
                            .WithExposedHeaders(ExposedHeaders)
                            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))
                            .Build()
                    )
            );
        return services;
    }

    public static IApplicationBuilder UseBrowserCors(this IApplicationBuilder app) => app.UseCors(Policy);
}
