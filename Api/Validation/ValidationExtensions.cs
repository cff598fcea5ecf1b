using System.Buffers;
using FluentValidation;

namespace Scorecard.Api.Validation;

internal static class ValidationExtensions
{
    private static readonly SearchValues<char> CodeStart = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    );
    private static readonly SearchValues<char> CodeRest = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-"
    );

    public const int MaxCodeLength = 64;
    public const int MaxNameLength = 256;
    public const int MaxBatchItems = 10_000;

    public static RouteHandlerBuilder WithValidation<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();

    public static IRuleBuilderOptions<T, string?> IsCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(MaxCodeLength)
            .Must(value => value is null || IsCodeText(value))
            .WithMessage("'{PropertyName}' must be at most 64 characters of letters, digits, '.', '-' or '_'.");

    /// <summary>
    /// Codes are ASCII identifiers: a letter or digit, then letters, digits, '.', '-', '_' (no spaces,
    /// slashes or quotes). A character scan rather than a regular expression: every event of a batch
    /// checks three codes.
    /// </summary>
    public static bool IsCodeText(string value) =>
        value.Length > 0 && CodeStart.Contains(value[0]) && !value.AsSpan(1).ContainsAnyExcept(CodeRest);

    public static IRuleBuilderOptions<T, string?> IsOneOf<T>(
        this IRuleBuilder<T, string?> rule,
        IReadOnlyList<string> allowed
    ) =>
        rule.Must(value => value is null || allowed.Contains(value))
            .WithMessage($"'{{PropertyName}}' must be one of: {string.Join(", ", allowed)}.");
}
