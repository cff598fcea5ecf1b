using System.Globalization;
using Scorecard.Domain.Labels;

namespace Scorecard.Api.Labels;

/// <summary>
/// The language an answer's labels are given in, from the request's <c>Accept-Language</c> (README "Languages"):
/// the listed language with the highest q-value whose primary tag is <c>vi</c> or <c>en</c> (<c>en-US</c> is
/// English), the first listed on a tie; <c>q=0</c> rules one out; <c>*</c> stands for Vietnamese. Without the header,
/// or when nothing listed is known, Vietnamese.
/// </summary>
internal static class RequestLanguage
{
    public const string Header = "Accept-Language";

    /// <summary>Entries past this many are not read (a header is no list of every language).</summary>
    private const int MaxEntries = 32;

    public static Language Of(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage))
        {
            return Language.Vi;
        }

        var best = (Language: Language.Vi, Quality: 0m);
        foreach (
            var entry in acceptLanguage.Split(',', MaxEntries + 1, StringSplitOptions.TrimEntries).Take(MaxEntries)
        )
        {
            var parts = entry.Split(';', StringSplitOptions.TrimEntries);
            var primary = parts[0].Split('-')[0];
            Language? language = primary.ToUpperInvariant() switch
            {
                "VI" or "*" => Language.Vi,
                "EN" => Language.En,
                _ => null,
            };
            var quality = Quality(parts.Skip(1));
            if (language is { } known && quality > best.Quality)
            {
                best = (known, quality);
            }
        }

        return best.Language;
    }

    /// <summary>The <c>q</c> parameter (0 to 1, default 1); a malformed one counts as 0.</summary>
    private static decimal Quality(IEnumerable<string> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (!parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return
                decimal.TryParse(
                    parameter[2..],
                    NumberStyles.AllowDecimalPoint,
                    CultureInfo.InvariantCulture,
                    out var q
                )
                && q <= 1
                ? q
                : 0;
        }

        return 1;
    }
}
