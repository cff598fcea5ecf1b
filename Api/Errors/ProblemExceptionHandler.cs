using System.Text.Json;
using System.Text.RegularExpressions;
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
            IndexOutOfRangeException when ThrownByJsonReader(exception) => (StatusCodes.Status400BadRequest, "Bad Request",
                "The request body is not valid JSON: it ends inside a value.", null),
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

    /// <summary>
    /// The JSON reader throws IndexOutOfRangeException, not JsonException, for a literal cut short
    /// at the end of a body read in several segments ("[null,nu"), depending on how the bytes arrived.
    /// </summary>
    private static bool ThrownByJsonReader(Exception exception) =>
        new System.Diagnostics.StackTrace(exception, fNeedFileInfo: false).GetFrames().Any(f => f.GetMethod()?.DeclaringType == typeof(Utf8JsonReader));

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

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return "The request body is larger than this route accepts.";
        }

        // The framework words binding failures for developers, with CLR types ("Nullable<DateOnly> from"): say it for clients.
        if (UnboundParameter().Match(bad.Message) is { Success: true } unbound)
        {
            var value = unbound.Groups["value"].Value;
            return $"'{unbound.Groups["name"].Value}' must be {Expected(unbound.Groups["type"].Value)}; got '{(value.Length > 100 ? value[..100] + "…" : value)}'.";
        }

        if (MissingParameter().Match(bad.Message) is { Success: true } missing)
        {
            return $"'{missing.Groups["name"].Value}' is required.";
        }

        return MissingBody().IsMatch(bad.Message) ? "A request body is required." : bad.Message;
    }

    private static string Expected(string type) => type switch
    {
        _ when type.Contains("DateOnly", StringComparison.Ordinal) => "a date such as 2025-01-31",
        _ when type.Contains("DateTime", StringComparison.Ordinal) => "an instant such as 2025-01-31T08:00:00+07:00",
        _ when type.Contains("Int", StringComparison.OrdinalIgnoreCase) || type.Contains("long", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Bool", StringComparison.OrdinalIgnoreCase) => "true or false",
        _ when type.Contains("Decimal", StringComparison.OrdinalIgnoreCase) || type.Contains("Double", StringComparison.OrdinalIgnoreCase) => "a number",
        _ => "a valid value",
    };

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>[^" ]+)" from "(?<value>.*)"\.$""", RegexOptions.Singleline)]
    private static partial Regex UnboundParameter();

    [GeneratedRegex("""^Required parameter "(?<type>[^"]+) (?<name>[^" ]+)" was not provided""")]
    private static partial Regex MissingParameter();

    [GeneratedRegex("^Implicit body inferred for parameter .* but no body was provided")]
    private static partial Regex MissingBody();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database was not available for {Method} {Path}")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
