using Scorecard.Api.Labels;
using Scorecard.Domain.Labels;

namespace Scorecard.Api.Tests.Labels;

public sealed class RequestLanguageTests
{
    [TestCase(null, Language.Vi)]
    [TestCase("", Language.Vi)]
    [TestCase("en", Language.En)]
    [TestCase("EN-us", Language.En)]
    [TestCase("vi", Language.Vi)]
    [TestCase("vi-VN,vi;q=0.9", Language.Vi)]
    [TestCase("fr", Language.Vi)] // unknown: Vietnamese
    [TestCase("fr, en;q=0.5", Language.En)] // the best known one
    [TestCase("vi;q=0.4, en;q=0.8", Language.En)] // q-values, not order
    [TestCase("en;q=0.8, vi;q=0.8", Language.En)] // a tie: the first listed
    [TestCase("en;q=0", Language.Vi)] // ruled out
    [TestCase("en;q=abc", Language.Vi)] // a malformed q counts as 0
    [TestCase("en;q=2", Language.Vi)] // above 1 is malformed
    [TestCase("*", Language.Vi)]
    [TestCase("en-GB;q=0.7, *;q=0.1", Language.En)]
    [TestCase("de, en-US;q=0.9, vi;q=0.8", Language.En)]
    public void Of_WhenAcceptLanguageIs_ChoosesTheLanguage(string? header, Language expected) =>
        Assert.That(RequestLanguage.Of(header), Is.EqualTo(expected));

    [Test]
    public void Of_WhenTheHeaderListsMoreThan32Entries_ReadsTheFirst32()
    {
        var header = string.Join(", ", Enumerable.Repeat("fr", 32).Append("en"));

        Assert.That(RequestLanguage.Of(header), Is.EqualTo(Language.Vi));
    }
}
