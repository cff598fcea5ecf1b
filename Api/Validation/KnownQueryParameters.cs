namespace Scorecard.Api.Validation;

/// <summary>
/// A query parameter no route handler reads would be ignored without a word (a misspelt filter answers
/// every row), so it is a 400 naming it and the parameters the route takes. The names are those the
/// handler binds (<see cref="HandlerParameters"/>); the feeds keep OData's own checks of their query options.
/// Runs after authorization, so a caller without a key learns nothing about a route's parameters.
/// </summary>
internal static class KnownQueryParameters
{
    private static readonly string[] UnknownMessage = ["Unknown query parameter."];

    public static IApplicationBuilder UseKnownQueryParametersOnly(this IApplicationBuilder app) =>
        app.Use(
            (context, next) =>
            {
                if (
                    context.Request.QueryString.HasValue
                    && context.GetEndpoint() is { } endpoint
                    && HandlerParameters.QueryNames(endpoint) is { } known
                )
                {
                    var unknown = context.Request.Query.Keys.Where(k => !known.Contains(k)).ToList();
                    if (unknown.Count > 0)
                    {
                        return RefuseAsync(context, unknown, known);
                    }
                }

                return next(context);
            }
        );

    private static Task RefuseAsync(HttpContext context, List<string> unknown, IReadOnlySet<string> known)
    {
        var names = string.Join(", ", unknown.Select(Quoted));
        var takes = known.Count == 0 ? "no query parameters" : string.Join(", ", known.Order().Select(Quoted));
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return context
            .RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails =
                    {
                        Status = StatusCodes.Status400BadRequest,
                        Title = "Bad Request",
                        Detail =
                            $"Unknown query parameter{(unknown.Count > 1 ? "s" : "")} {names}; "
                            + $"this route takes {takes}.",
                        Extensions =
                        {
                            ["errors"] = unknown.ToDictionary(n => n, _ => UnknownMessage, StringComparer.Ordinal),
                        },
                    },
                }
            )
            .AsTask();
    }

    private static string Quoted(string name) => $"'{(name.Length > 64 ? name[..64] + "…" : name)}'";
}
