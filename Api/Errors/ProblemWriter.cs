using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Scorecard.Api.Errors;

/// <summary>
/// Writes every problem the service reports (refused keys, unknown routes and methods, rate limits,
/// exceptions) whatever the client says it accepts: an RFC 7807 problem document, or under /odata
/// the OData error document that Excel and Power BI read. It comes before the framework's writer,
/// which writes nothing for a client that does not accept JSON (a browser asking for text/html),
/// leaving a 401 or 404 without a body or turning it into a 500.
/// </summary>
internal sealed class ProblemWriter(IOptions<ProblemDetailsOptions> options, IOptions<JsonOptions> json)
    : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        context.ProblemDetails.Status ??= http.Response.StatusCode;
        // The type and title RFC 9110 gives the status, as the framework's own writer fills them in.
        var problem = TypedResults.Problem(context.ProblemDetails).ProblemDetails;
        options.Value.CustomizeProblemDetails?.Invoke(context);
        if (
            !http.Request.Path.StartsWithSegments(
                "/" + OData.ODataSetup.RoutePrefix,
                StringComparison.OrdinalIgnoreCase
            )
        )
        {
            return new ValueTask(
                http.Response.WriteAsJsonAsync(
                    problem,
                    problem.GetType(),
                    json.Value.SerializerOptions,
                    "application/problem+json"
                )
            );
        }

        var status = problem.Status ?? http.Response.StatusCode;
        http.Response.Headers["OData-Version"] = "4.0";
        var error = new
        {
            error = new
            {
                code = ReasonPhrases.GetReasonPhrase(status).Replace(" ", "", StringComparison.Ordinal),
                message = problem.Detail ?? problem.Title,
                innererror = new
                {
                    traceId = problem.Extensions.TryGetValue("traceId", out var traceId) ? traceId : null,
                },
            },
        };
        return new ValueTask(
            http.Response.WriteAsJsonAsync(
                error,
                json.Value.SerializerOptions,
                "application/json; odata.metadata=minimal; charset=utf-8"
            )
        );
    }
}
