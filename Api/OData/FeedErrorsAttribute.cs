using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.OData;

namespace Scorecard.Api.OData;

/// <summary>
/// A query the OData layer cannot even bind (a malformed option, an unknown property) is the
/// client's error: a 400 OData error with the parser's message and no stack trace.
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
    }
}
