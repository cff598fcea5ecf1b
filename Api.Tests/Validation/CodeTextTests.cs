using System.Text.RegularExpressions;
using Scorecard.Api.Validation;

namespace Scorecard.Api.Tests.Validation;

/// <summary>
/// The code rule is a character scan; it must accept exactly what the documented pattern accepts
/// (anchored with \z: a regular expression's '$' would also let a trailing line feed through).
/// </summary>
public sealed class CodeTextTests
{
    private static readonly Regex Documented = new(@"^[A-Za-z0-9][A-Za-z0-9._-]*\z", RegexOptions.CultureInvariant);

    [TestCase("P.A.1", true)]
    [TestCase("1.000001", true)]
    [TestCase("QNA-250301-0000001", true)]
    [TestCase("a_b", true)]
    [TestCase("9", true)]
    [TestCase("", false)]
    [TestCase(".A", false)]
    [TestCase("-A", false)]
    [TestCase("_A", false)]
    [TestCase("R 1", false)]
    [TestCase("R/../x", false)]
    [TestCase("R'1", false)]
    [TestCase("Đ.1", false)]
    [TestCase("A\n", false)]
    [TestCase("A\u0661", false)]
    public void A_code_is_a_letter_or_digit_then_letters_digits_dots_dashes_or_underscores(string text, bool expected)
    {
        Assert.That(ValidationExtensions.IsCodeText(text), Is.EqualTo(expected));
    }

    [Test]
    public void The_scan_agrees_with_the_pattern_on_every_short_string_over_a_mixed_alphabet()
    {
        const string alphabet = "aZ09._-/ Đ\u0661\n";
        var disagreements = new List<string>();
        foreach (var text in Strings(alphabet, 3))
        {
            if (ValidationExtensions.IsCodeText(text) != Documented.IsMatch(text))
            {
                disagreements.Add(text);
            }
        }

        Assert.That(disagreements, Is.Empty);
    }

    private static IEnumerable<string> Strings(string alphabet, int maxLength)
    {
        IEnumerable<string> level = [""];
        for (var length = 1; length <= maxLength; length++)
        {
            level = level.SelectMany(prefix => alphabet.Select(c => prefix + c)).ToList();
            foreach (var text in level)
            {
                yield return text;
            }
        }
    }
}
