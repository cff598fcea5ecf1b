using System.Text.Json;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Scorecard.Api.OData;

namespace Scorecard.Api.Hosting;

/// <summary>
/// A request line longer than <see cref="ServerLimits.MaxRequestLineBytes"/> answers 414 with a body saying so:
/// an OData error under <c>/odata</c> (what feed clients read), a problem document elsewhere.
/// </summary>
internal static class RequestLineLimit
{
    public static IApplicationBuilder UseRequestLineLimit(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                var request = context.Request;
                var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
                    ? raw
                    : request.GetEncodedPathAndQuery();
                // Counted as Kestrel counts it: "GET /odata/Units?… HTTP/1.1\r\n".
                var length = request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length + 2;
                if (length <= ServerLimits.MaxRequestLineBytes)
                {
                    await next(context).ConfigureAwait(false);
                    return;
                }

                var message =
                    $"The request line is {length:N0} bytes long; the server takes at most "
                    + $"{ServerLimits.MaxRequestLineBytes:N0}. Shorten the query (fewer values in 'in (…)', fewer "
                    + "columns in $select).";
                context.Response.StatusCode = StatusCodes.Status414UriTooLong;
                if (request.Path.StartsWithSegments("/" + ODataSetup.RoutePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
                    context.Response.Headers["OData-Version"] = "4.0";
                    await context
                        .Response.WriteAsync(
                            JsonSerializer.Serialize(new { error = new { code = "UriTooLong", message } }),
                            context.RequestAborted
                        )
                        .ConfigureAwait(false);
                    return;
                }

                context.Response.ContentType = "application/problem+json";
                await context
                    .Response.WriteAsync(
                        JsonSerializer.Serialize(
                            new
                            {
                                type = "https://tools.ietf.org/html/rfc9110#section-15.5.15",
                                title = "URI Too Long",
                                status = 414,
                                detail = message,
                            }
                        ),
                        context.RequestAborted
                    )
                    .ConfigureAwait(false);
            }
        );
}
