namespace Scorecard.Api.Errors;

/// <summary>What an exception is answered with; <paramref name="Field"/> names where in the body a JSON error
/// is.</summary>
internal sealed record ExceptionProblem(int Status, string Title, string Detail, string? Field = null)
{
    /// <summary>The client went away: nothing is written (499, as the request log records it).</summary>
    public const int ClientClosedRequest = 499;
}
