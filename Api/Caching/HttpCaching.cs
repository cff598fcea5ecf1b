using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Scorecard.Api.Caching;

/// <summary>
/// Caching and compression (README "Caching and compression"): the settings of section <c>Caching</c>, checked
/// at start, and brotli and gzip for the JSON answers, problem documents and the feeds (OData's JSON carries
/// parameters after <c>application/json</c>, which compression ignores when it matches types), and for
/// <c>$metadata</c>; over HTTPS too, except for the routes marked <see cref="NotCached"/>.
/// </summary>
internal static class HttpCaching
{
    private static readonly string[] CompressedTypes =
    [
        "application/json",
        "application/problem+json",
        "application/xml",
        "application/yaml",
    ];

    public static IServiceCollection AddHttpCaching(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = CompressedTypes;
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services
            .AddOptions<HttpCachingOptions>()
            .BindConfiguration(HttpCachingOptions.Section)
            .Validate(o => o.PublicMaxAgeSeconds >= 0, "Caching:PublicMaxAgeSeconds must be 0 or a number of seconds.")
            .ValidateOnStart();
        return services;
    }
}
