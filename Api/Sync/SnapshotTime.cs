using System.Globalization;
using Scorecard.Api.Ingestion;

namespace Scorecard.Api.Sync;

/// <summary>
/// Times of the national body: <c>yyyyMMddHHmmss</c> in Vietnam time (UTC+7), or an ISO 8601 instant with an
/// offset; an empty string is absent.
/// </summary>
internal static class SnapshotTime
{
    public const string Expected = "yyyyMMddHHmmss (Vietnam time) or " + InstantText.Expected;

    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <returns>False when the text is there but not a time; <paramref name="at"/> is null when it is absent.</returns>
    public static bool TryParse(string? text, out DateTimeOffset? at)
    {
        at = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (
            text.Length == 14
            && DateTime.TryParseExact(
                text,
                "yyyyMMddHHmmss",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var local
            )
        )
        {
            at = new DateTimeOffset(local, Vietnam);
            return true;
        }

        if (InstantText.TryParse(text, out var instant))
        {
            at = instant;
            return true;
        }

        return false;
    }
}
