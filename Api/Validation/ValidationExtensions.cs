using FluentValidation;

namespace Scorecard.Api.Validation;

internal static class ValidationExtensions
{
    /// <summary>Codes are ASCII identifiers: letters, digits, '.', '-', '_' (no spaces, slashes or quotes).</summary>
    public const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 256;
    public const int MaxBatchItems = 10_000;

    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    public static IRuleBuilderOptions<T, string?> IsCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxCodeLength).Matches(CodePattern)
            .WithMessage("'{PropertyName}' must be at most 64 characters of letters, digits, '.', '-' or '_'.");

    public static IRuleBuilderOptions<T, string?> IsOneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> allowed) =>
        rule.Must(value => value is null || allowed.Contains(value))
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", allowed)}.");
}
