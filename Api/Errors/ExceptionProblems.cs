using System.Data.Common;
using System.Text.Json;
using Microsoft.OData;
using Scorecard.Api.OData;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.Errors;

/// <summary>
/// Every exception the service knows, mapped by its type to the answer a client gets: bad requests
/// keep their 4xx and say what was wrong and where, an unreachable database is a 503, and anything
/// else a 500 that says nothing of the service's internals.
/// </summary>
internal static class ExceptionProblems
{
    public static ExceptionProblem For(HttpContext context, Exception exception) =>
        exception switch
        {
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => new(
                ExceptionProblem.ClientClosedRequest,
                "Client Closed Request",
                "The client closed the request."
            ),
            BadHttpRequestException { InnerException: JsonException json } bad => UnreadableJson(bad.StatusCode, json),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new(
                StatusCodes.Status413PayloadTooLarge,
                "Payload Too Large",
                "The request body is larger than this route accepts."
            ),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } bad => new(
                StatusCodes.Status400BadRequest,
                "Bad Request",
                UnboundParameter.Describe(context) ?? bad.Message
            ),
            BadHttpRequestException bad => new(bad.StatusCode, TitleFor(bad.StatusCode), bad.Message),
            JsonException json => UnreadableJson(StatusCodes.Status400BadRequest, json),

            IndexOutOfRangeException when ThrownByJsonReader(exception) => new(
                StatusCodes.Status400BadRequest,
                "Bad Request",
                "The request body is not valid JSON: it ends inside a value."
            ),
            FeedQueryException or ODataException => new(
                StatusCodes.Status400BadRequest,
                "Bad Request",
                FeedErrorMessage.Plain(exception.Message)
            ),
            DbException or TimeoutException => new(
                StatusCodes.Status503ServiceUnavailable,
                "Service Unavailable",
                "The database is not available right now; nothing was changed. Retry shortly."
            ),
            _ => new(
                StatusCodes.Status500InternalServerError,
                "Internal Server Error",
                "An unexpected error occurred. Quote the trace id when reporting it."
            ),
        };

    /// <summary>
    /// Where the body stopped being readable, from the exception's path and position. A syntax error is
    /// the reader's own exception (a type derived from JsonException), whose reason ends with that
    /// position, said once here instead; a value the serializer could not convert is never quoted, as
    /// its message names the service's CLR types.
    /// </summary>
    private static ExceptionProblem UnreadableJson(int status, JsonException json)
    {
        var where = json.Path is { Length: > 0 } path ? $" at '{path}'" : "";
        var line = json.LineNumber is { } l ? $" (line {l + 1}, position {json.BytePositionInLine + 1})" : "";
        var innermost = json.InnerException as JsonException ?? json;
        var reason =
            innermost.GetType() != typeof(JsonException)
                ? innermost.Message.Split(" LineNumber:", 2)[0].TrimEnd('.')
                : "the value has the wrong type or format";
        return new(status, TitleFor(status), $"The request body is not valid JSON{where}{line}: {reason}.", json.Path);
    }

    /// <summary>
    /// The JSON reader throws IndexOutOfRangeException, not JsonException, for a literal cut short at
    /// the end of a body read in several segments ("[null,nu"), depending on how the bytes arrived.
    /// The exception is thrown by a span inside the reader, so only its frames tell it from a bug of ours.
    /// </summary>
    private static bool ThrownByJsonReader(Exception exception) =>
        new System.Diagnostics.StackTrace(exception, fNeedFileInfo: false)
            .GetFrames()
            .Any(f => f.GetMethod()?.DeclaringType == typeof(Utf8JsonReader));

    private static string TitleFor(int status) =>
        status switch
        {
            StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
            StatusCodes.Status408RequestTimeout => "Request Timeout",
            _ => "Bad Request",
        };
}
