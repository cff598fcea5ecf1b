using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Scorecard.Api.Validation;

namespace Scorecard.Api.Caching;

/// <summary>
/// Strong ETags on the reads of the JSON API, from a hash of the answer's body, and 304 for a matching
/// <c>If-None-Match</c>. A hash rather than a data version: answers also depend on the clock (an open dossier's
/// timeliness, the status of a target in a running period) and several instances may write one SQL Server
/// database, so no version kept by one process says when an answer changed, while its bytes always do. The
/// answer is still computed; what a match saves is sending and reading it. A compressed answer is another
/// representation, so its tag carries the coding (<c>"…-br"</c>); an answer in another language has other bytes, so
/// another tag. The feeds stream their pages and carry none.
/// </summary>
internal static class ETags
{
    public static IApplicationBuilder UseETags(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                var endpoint = context.GetEndpoint();
                if (endpoint is not null && NotCached.Applies(endpoint))
                {
                    NotCached.DoNotCompress(context);
                }
                else if (
                    HttpMethods.IsGet(context.Request.Method)
                    && endpoint is not null
                    && HandlerParameters.QueryNames(endpoint) is not null
                )
                {
                    await AnswerAsync(context, next).ConfigureAwait(false);
                    return;
                }

                await next(context).ConfigureAwait(false);
            }
        );

    /// <summary>True when this answer's caching headers were set here (a success or a 304), not to be replaced by
    /// <c>no-store</c>.</summary>
    public static bool Decided(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.ContainsKey(typeof(ETags))
            && context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status304NotModified;
    }

    private static async Task AnswerAsync(HttpContext context, RequestDelegate next)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var tag = Tag(context, buffer);
            var settings = context.RequestServices.GetRequiredService<IOptions<HttpCachingOptions>>().Value;
            var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            response.Headers.ETag = tag;
            response.Headers.CacheControl = CachePolicy.For(context, now, settings.PublicMaxAgeSeconds);
            AddVary(response.Headers);
            context.Items[typeof(ETags)] = true;
            if (Matches(context.Request.Headers.IfNoneMatch, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentType = null;
                response.ContentLength = null;
                return;
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The first 128 bits of the body's SHA-256, and the coding the answer will be sent in, if any.</summary>
    private static string Tag(HttpContext context, MemoryStream body)
    {
        var hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        var coding = Coding(context);
        return $"\"{Base64Url.EncodeToString(hash.AsSpan(0, 16))}{(coding is null ? "" : "-" + coding)}\"";
    }

    /// <summary>The content coding response compression will apply, decided as it decides it.</summary>
    private static string? Coding(HttpContext context)
    {
        var compression = context.RequestServices.GetService<IResponseCompressionProvider>();
        if (
            compression is null
            || (
                context.Request.IsHttps
                && context.Features.Get<IHttpsCompressionFeature>()?.Mode == HttpsCompressionMode.DoNotCompress
            )
            || !compression.ShouldCompressResponse(context)
            || !compression.CheckRequestAcceptsCompression(context)
        )
        {
            return null;
        }

        return compression.GetCompressionProvider(context)?.EncodingName;
    }

    /// <summary>The weak comparison <c>If-None-Match</c> calls for: a listed tag equal but for a <c>W/</c>, or
    /// <c>*</c>.</summary>
    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        if (ifNoneMatch.Count == 0)
        {
            return false;
        }

        foreach (var value in ifNoneMatch)
        {
            foreach (var listed in (value ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                var opaque = listed.StartsWith("W/", StringComparison.Ordinal) ? listed[2..] : listed;
                if (opaque == "*" || opaque == tag)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Adds the headers of <see cref="CachePolicy.Vary"/> to those already named (CORS names Origin), as one
    /// line.</summary>
    private static void AddVary(IHeaderDictionary headers) =>
        headers.Vary = string.Join(
            ", ",
            headers
                .GetCommaSeparatedValues(HeaderNames.Vary)
                .Concat(CachePolicy.Vary)
                .Distinct(StringComparer.OrdinalIgnoreCase)
        );
}
