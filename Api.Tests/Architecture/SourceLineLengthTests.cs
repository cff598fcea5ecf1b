namespace Scorecard.Api.Tests.Architecture;

/// <summary>
/// Lines of the product code and its tests stay within 120 characters. CSharpier (a local tool:
/// <c>dotnet tool restore</c>, then <c>dotnet csharpier format .</c>, settings in .csharpierrc.yaml) lays out
/// the code; comments and strings are wrapped by hand. Bench's Markdown report templates are exempt.
/// </summary>
public sealed class SourceLineLengthTests
{
    private const int MaxLength = 120;

    [TestCase("Api")]
    [TestCase("Domain")]
    [TestCase("Infrastructure")]
    [TestCase("Api.Tests")]
    public void SourceLines_Always_StayWithin120Characters(string project)
    {
        var root = Support.RepositoryRoot.Path;
        var offenders = Directory
            .EnumerateFiles(Path.Combine(root, project), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains(
                    $"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}",
                    StringComparison.Ordinal
                )
            )
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Number: i + 1, line.Length)))
            .Where(l => l.Length > MaxLength)
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Number} ({l.Length})")
            .ToList();

        Assert.That(offenders, Is.Empty);
    }
}
