using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Scorecard.Api.OData;

namespace Scorecard.Api.Hosting;

/// <summary>
/// Sets the scheme, host and path base links are written with (README "Configuration", behind a reverse proxy):
/// the configured public base URL; else the forwarded headers of a known proxy (ASP.NET Core's forwarded-headers
/// middleware, whose forwarded hosts are held to <c>AllowedHosts</c> like the Host header itself); else the
/// request as it arrived.
/// </summary>
internal static class PublicAddress
{
    public static IServiceCollection AddPublicAddress(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<ProxyOptions>()
            .Bind(configuration.GetSection(ProxyOptions.Section))
            .Validate(
                o => !o.Problems().Any(),
                "Proxy:KnownProxies must be IP addresses, Proxy:KnownNetworks networks in CIDR notation (10.0.0.0/24) "
                    + "and Proxy:PublicBaseUrl an absolute http(s) URL without a query."
            )
            .ValidateOnStart();
        services
            .AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<ProxyOptions>>(
                (forwarded, proxy) =>
                {
                    forwarded.ForwardedHeaders =
                        ForwardedHeaders.XForwardedFor
                        | ForwardedHeaders.XForwardedProto
                        | ForwardedHeaders.XForwardedHost
                        | ForwardedHeaders.XForwardedPrefix;
                    forwarded.KnownProxies.Clear();
                    forwarded.KnownIPNetworks.Clear();
                    foreach (var address in proxy.Value.KnownProxies)
                    {
                        forwarded.KnownProxies.Add(IPAddress.Parse(address));
                    }

                    foreach (var network in proxy.Value.KnownNetworks)
                    {
                        forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                    }

                    var hosts = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries) ?? [];
                    if (!hosts.Contains("*"))
                    {
                        forwarded.AllowedHosts = hosts;
                    }
                }
            );
        // The host check is ours (UsePublicAddress), answering an error document; the framework's, which answers
        // HTML, lets everything through.
        services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);
        return services;
    }

    public static IApplicationBuilder UsePublicAddress(this IApplicationBuilder app)
    {
        var allowed = (app.ApplicationServices.GetRequiredService<IConfiguration>()["AllowedHosts"] ?? "*")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => new StringSegment(h))
            .ToList();
        if (!allowed.Any(h => h == "*"))
        {
            app.Use(
                async (context, next) =>
                {
                    if (HostString.MatchesAny(context.Request.Host.Host, allowed))
                    {
                        await next(context).ConfigureAwait(false);
                        return;
                    }

                    await BadHostAsync(context).ConfigureAwait(false);
                }
            );
        }

        var proxy = app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value;
        if (proxy.PublicBaseUrl is { } url)
        {
            var host = HostString.FromUriComponent(url);
            var path = url.AbsolutePath.TrimEnd('/');
            var pathBase = path.Length == 0 ? PathString.Empty : PathString.FromUriComponent(path);
            return app.Use(
                (context, next) =>
                {
                    context.Request.Scheme = url.Scheme;
                    context.Request.Host = host;
                    context.Request.PathBase = pathBase.Add(context.Request.PathBase);
                    return next(context);
                }
            );
        }

        return proxy.KnownProxies.Count + proxy.KnownNetworks.Count > 0 ? app.UseForwardedHeaders() : app;
    }

    /// <summary>A 400 that does not repeat the Host it refuses: an OData error under /odata, else a
    /// problem.</summary>
    private static Task BadHostAsync(HttpContext context)
    {
        const string message =
            "The Host header names no address this service answers to (setting AllowedHosts); use the service's "
            + "public address.";
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (context.Request.Path.StartsWithSegments("/" + ODataSetup.RoutePrefix, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
            context.Response.Headers["OData-Version"] = "4.0";
            return context.Response.WriteAsync(
                JsonSerializer.Serialize(new { error = new { code = "BadRequest", message } }),
                context.RequestAborted
            );
        }

        context.Response.ContentType = "application/problem+json";
        return context.Response.WriteAsync(
            JsonSerializer.Serialize(
                new
                {
                    type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                    title = "Bad Request",
                    status = 400,
                    detail = message,
                }
            ),
            context.RequestAborted
        );
    }
}
