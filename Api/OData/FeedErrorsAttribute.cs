using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.OData;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.OData;

/// <summary>
/// A query the OData layer cannot even bind (a malformed option, an unknown property, an option
/// without a name or an empty $skiptoken) is the client's error: a 400 OData error with the
/// parser's message, or one naming the option, and no stack trace.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class FeedErrorsAttribute : Attribute, IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is ODataException or FeedQueryException)
        {
            context.Result = FeedService.BadRequest(context.Exception.Message);
            context.ExceptionHandled = true;
        }
        else if (context.Exception is ArgumentException)
        {
            // Thrown while the query options are bound, before the feed runs (which reports its own).
            context.Result = FeedService.BadRequest(Describe(context.HttpContext.Request.Query));
            context.ExceptionHandled = true;
        }
    }

    private static string Describe(IQueryCollection query) =>
        query.Keys.Any(k => k.Length == 0) ? "The query string has an option without a name."
        : query.FirstOrDefault(o => o.Key.StartsWith('$') && o.Value.All(string.IsNullOrEmpty)) is { Key: { } name }
            ? $"The query option '{name}' has no value."
        : "The query string is not a valid OData query.";
}
