using System.Buffers.Text;
using Microsoft.AspNetCore.Mvc;

namespace Scorecard.Api.OData;

/// <summary>
/// The answer to <c>/{set}/$count</c>: the number as plain text, the very bytes and headers the OData raw value
/// serializer writes (a test compares them), without what that serializer costs each request: a text writer with
/// buffers of about 100 KB per count, and the query string parsed again to look for <c>$format</c> (a count is
/// plain text in every format).
/// </summary>
internal sealed class FeedCountResult(long count) : IActionResult
{
    public const string ContentType = "text/plain; charset=utf-8";

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers["OData-Version"] = "4.0";
        var digits = response.BodyWriter.GetSpan(20);
        if (!Utf8Formatter.TryFormat(count, digits, out var written))
        {
            throw new InvalidOperationException("A count is at most 20 digits.");
        }

        response.BodyWriter.Advance(written);
        return response.BodyWriter.FlushAsync(context.HttpContext.RequestAborted).AsTask();
    }
}
