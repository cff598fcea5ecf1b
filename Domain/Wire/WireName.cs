using System.Collections.Frozen;
using System.Text;

namespace Scorecard.Domain.Wire;

/// <summary>
/// Kebab-case wire names of enum members (<c>SupplementRequested</c> ↔ <c>supplement-requested</c>).
/// Parsing is exact and case-sensitive: numbers and other spellings are rejected.
/// </summary>
public static class WireName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names<TEnum>.ByValue.TryGetValue(value, out var name)
            ? name
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Not a named member.");

    public static bool TryParse<TEnum>(string? text, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return text is not null && Names<TEnum>.ByName.TryGetValue(text, out value);
    }

    /// <exception cref="FormatException">The text is not the wire name of a member; the message lists them.</exception>
    public static TEnum Parse<TEnum>(string text)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, out var value)
            ? value
            : throw new FormatException($"'{text}' is not one of: {string.Join(", ", All<TEnum>())}.");

    /// <summary>Every wire name of the enum, in declaration order.</summary>
    public static IReadOnlyList<string> All<TEnum>()
        where TEnum : struct, Enum => Names<TEnum>.All;

    internal static string Kebab(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    private static class Names<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>()
            .Distinct()
            .ToFrozenDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly string[] All = [.. Enum.GetValues<TEnum>().Distinct().Select(v => ByValue[v])];

        public static readonly FrozenDictionary<string, TEnum> ByName = ByValue.ToFrozenDictionary(
            kv => kv.Value,
            kv => kv.Key,
            StringComparer.Ordinal
        );
    }
}
