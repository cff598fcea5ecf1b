using System.Globalization;
using System.Text.RegularExpressions;

namespace Scorecard.Api.Ingestion;

/// <summary>ISO 8601 instants with an explicit offset ('Z' or ±hh:mm); a local time without one is refused.</summary>
internal static partial class InstantText
{
    public const string Expected = "an ISO 8601 instant with an offset, e.g. 2024-07-25T09:30:00+07:00";

    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is not null
            && Shape().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out instant);
    }

    [GeneratedRegex(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$",
        RegexOptions.CultureInvariant
    )]
    private static partial Regex Shape();
}
