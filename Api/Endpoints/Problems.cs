using Microsoft.AspNetCore.Http.HttpResults;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Api.Endpoints;

/// <summary>The problem documents the routes answer with, worded once.</summary>
internal static class Problems
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: detail);

    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Request", detail: detail);

    public static ProblemHttpResult OutsideScope(string code, string scope) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: $"Unit '{code}' is outside the subtree of '{scope}' that this key is limited to."
        );

    public static ProblemHttpResult ProvinceWideOnly(string scope) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Forbidden",
            detail: $"This key is limited to unit '{scope}' and may not change province-wide reference data."
        );

    /// <summary>A 403 naming every refused item and why, in its detail and, as a 400 would, under
    /// <c>errors</c>.</summary>
    public static ProblemHttpResult Forbidden(string title, string field, IReadOnlyList<string> reasons) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: title,
            detail: string.Join(" ", reasons),
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["errors"] = new Dictionary<string, string[]> { [field] = [.. reasons] },
            }
        );

    /// <summary>A 400 listing, per offending code, why a whole batch was refused.</summary>
    public static ValidationProblem Refused(string title, IEnumerable<UpsertError> errors) =>
        TypedResults.ValidationProblem(
            errors
                .GroupBy(e => e.Code, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal),
            title: title
        );
}
