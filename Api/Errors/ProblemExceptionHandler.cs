using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace Scorecard.Api.Errors;

/// <summary>
/// The one place exceptions become problem documents. Bad requests (unreadable JSON, wrong content
/// type, body too large) keep their 4xx status and say what was wrong and where; anything else is a
/// 500 that carries a trace id and never a stack trace or SQL.
/// </summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            httpContext.Response.StatusCode = 499;
            return true;
        }

        var (status, title, detail, field) = exception switch
        {
            BadHttpRequestException bad => (bad.StatusCode, TitleFor(bad.StatusCode), Describe(bad), (bad.InnerException as JsonException)?.Path),
            System.Data.Common.DbException or TimeoutException => (StatusCodes.Status503ServiceUnavailable, "Service Unavailable",
                "The database is not available right now; nothing was changed. Retry shortly.", (string?)null),
            _ => (StatusCodes.Status500InternalServerError, "Internal Server Error", "An unexpected error occurred. Quote the trace id when reporting it.", null),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
            LogDatabaseUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (status >= 500)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (field is not null)
        {
            context.ProblemDetails.Extensions["field"] = field;
        }

        return await problems.TryWriteAsync(context).ConfigureAwait(false);
    }

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status413PayloadTooLarge => "Payload Too Large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported Media Type",
        StatusCodes.Status408RequestTimeout => "Request Timeout",
        _ => "Bad Request",
    };

    private static string Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var where = json.Path is { Length: > 0 } path ? $" at '{path}'" : "";
            var line = json.LineNumber is { } l ? $" (line {l + 1}, position {json.BytePositionInLine + 1})" : "";
            var reason = json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? "the value has the wrong type or format"
                : json.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.');
            return $"The request body is not valid JSON{where}{line}: {reason}.";
        }

        return bad.StatusCode == StatusCodes.Status413PayloadTooLarge
            ? "The request body is larger than this route accepts."
            : bad.Message;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was not available for {Method} {Path}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
