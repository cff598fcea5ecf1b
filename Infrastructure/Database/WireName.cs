using System.Text.Json;

namespace Scorecard.Infrastructure.Database;

/// <summary>
/// Enum values as stored and sent on the wire: kebab-case ('working-day', 'on-time'), the same
/// text the JSON API and the CHECK constraints use.
/// </summary>
public static class WireName
{
    public static string Of<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static T Parse<T>(string text) where T : struct, Enum =>
        TryParse<T>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not one of: {string.Join(", ", All<T>())}.");

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static IReadOnlyList<string> All<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(Of)];
}
