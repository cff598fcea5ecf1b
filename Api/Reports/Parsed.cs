using Microsoft.AspNetCore.Http.HttpResults;

namespace Scorecard.Api.Reports;

/// <summary>A request parameter read into a domain value, or the problem document that says why it could not
/// be.</summary>
internal readonly record struct Parsed<T>(T Value, ProblemHttpResult? Problem)
{
    public static implicit operator Parsed<T>(T value) => new(value, null);

    public static implicit operator Parsed<T>(ProblemHttpResult problem) => new(default!, problem);
}
