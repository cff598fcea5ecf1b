using System.Text;
using Microsoft.Net.Http.Headers;

namespace Scorecard.Api.Hosting;

/// <summary>
/// A body whose Content-Type names a charset .NET does not know cannot be read as JSON (the reader
/// throws before any route sees it): refuse it with 415 naming the charset.
/// </summary>
internal static class RequestCharset
{
    public static IApplicationBuilder UseKnownCharsetsOnly(this IApplicationBuilder app) =>
        app.Use(
            async (context, next) =>
            {
                if (
                    MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var media)
                    && media.Charset is { HasValue: true } charset
                    && !IsKnown(charset.Value!)
                )
                {
                    throw new BadHttpRequestException(
                        $"The charset '{charset.Value}' of the request body is not supported; send UTF-8.",
                        StatusCodes.Status415UnsupportedMediaType
                    );
                }

                await next(context).ConfigureAwait(false);
            }
        );

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset.Trim('"'));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
