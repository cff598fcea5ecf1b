using System.Globalization;
using System.Text;

namespace Scorecard.Domain.Units;

/// <summary>
/// Name search as Vietnamese users type it, often without diacritics: "da nang" finds "Đà Nẵng". Both
/// sides are folded: decomposed (NFD), tone and vowel marks dropped, đ/Đ read as d (it is a letter of its
/// own, not a d with a mark, so decomposition keeps it), lower case, runs of white space as one space.
/// </summary>
public static class UnitNameSearch
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (
                CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            )
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            folded.Append(
                c switch
                {
                    'đ' or 'Đ' => 'd',
                    _ => char.ToLowerInvariant(c),
                }
            );
        }

        return folded.ToString();
    }

    /// <summary>True when the folded <paramref name="name"/> contains <paramref name="foldedQuery"/> (see <see
    /// cref="Fold"/>).</summary>
    public static bool Matches(string name, string foldedQuery) =>
        Fold(name).Contains(foldedQuery, StringComparison.Ordinal);
}
