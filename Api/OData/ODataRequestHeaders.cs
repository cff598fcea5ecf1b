using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.OData;

namespace Scorecard.Api.OData;

/// <summary>
/// The OData formatter reads the Prefer and OData-Version headers while it writes each answer, and
/// throws on a malformed one, turning even a 400 into a 500. A feed request with such a header is
/// refused first, with a 400 OData error naming the header, checked by the same OData parsers. A request
/// for a format the service does not write is refused with a 406 (<see cref="FeedFormats"/>).
/// </summary>
internal static class ODataRequestHeaders
{
    private static readonly string[] VersionHeaders = ["OData-Version", "OData-MaxVersion", "OData-MinVersion"];

    public static IApplicationBuilder UseODataRequestHeaderCheck(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                var request = context.Request;
                if (request.Path.StartsWithSegments("/" + ODataSetup.RoutePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    var (status, title, detail) =
                        Problem(request) is { } bad ? (StatusCodes.Status400BadRequest, "Bad Request", bad)
                        : FeedFormats.Unacceptable(context) is { } unacceptable
                            ? (StatusCodes.Status406NotAcceptable, "Not Acceptable", unacceptable)
                        : (0, null, null);
                    if (detail is not null)
                    {
                        context.Response.StatusCode = status;
                        await context
                            .RequestServices.GetRequiredService<IProblemDetailsService>()
                            .WriteAsync(
                                new ProblemDetailsContext
                                {
                                    HttpContext = context,
                                    ProblemDetails =
                                    {
                                        Status = status,
                                        Title = title,
                                        Detail = detail,
                                    },
                                }
                            )
                            .ConfigureAwait(false);
                        return;
                    }
                }

                await next(context).ConfigureAwait(false);
            }
        );

    private static string? Problem(HttpRequest request)
    {
        foreach (var name in VersionHeaders)
        {
            foreach (var value in request.Headers[name])
            {
                try
                {
                    ODataUtils.StringToODataVersion(value);
                }
                catch (Exception ex) when (ex is ODataException or ArgumentException)
                {
                    return $"The {name} header '{value}' is not an OData version; send 4.0 or 4.01.";
                }
            }
        }

        if (request.Headers.ContainsKey("Prefer"))
        {
            try
            {
                _ = new HeaderMessage(request).PreferHeader().AnnotationFilter;
            }
            catch (ODataException ex)
            {
                return "The Prefer header is not valid: " + ex.Message;
            }
        }

        return null;
    }

    /// <summary>The request's headers as the OData library reads them.</summary>
    private sealed class HeaderMessage(HttpRequest request) : IODataRequestMessage
    {
        public IEnumerable<KeyValuePair<string, string>> Headers =>
            request.Headers.Select(h => new KeyValuePair<string, string>(h.Key, h.Value.ToString()));

        public Uri Url
        {
            get => new(request.GetDisplayUrl());
            set => throw new NotSupportedException();
        }

        public string Method
        {
            get => request.Method;
            set => throw new NotSupportedException();
        }

        public string? GetHeader(string headerName) =>
            request.Headers.TryGetValue(headerName, out var value) ? value.ToString() : null;

        public void SetHeader(string headerName, string headerValue) => throw new NotSupportedException();

        public Stream GetStream() => throw new NotSupportedException();
    }
}
