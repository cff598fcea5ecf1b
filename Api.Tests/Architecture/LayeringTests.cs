using System.Reflection;

namespace Scorecard.Api.Tests.Architecture;

public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Scorecard.Domain.Units.UnitTree).Assembly;

    [Test]
    public void Domain_Always_ReferencesOnlyTheBaseLibrary()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.That(references, Is.Not.Empty);
        Assert.That(
            references,
            Has.All.Matches<string>(n =>
                n == "System.Runtime"
                || n.StartsWith("System.", StringComparison.Ordinal)
                    && !n.StartsWith("System.Data", StringComparison.Ordinal)
                    && !n.StartsWith("System.Net", StringComparison.Ordinal)
            ),
            "Domain must not reference Dapper, ASP.NET Core, a data provider or networking: "
                + ""
                + string.Join(", ", references)
        );
    }

    [TestCase("Dapper")]
    [TestCase("Microsoft.AspNetCore")]
    [TestCase("Microsoft.Data.Sqlite")]
    [TestCase("Microsoft.Data.SqlClient")]
    [TestCase("Microsoft.Extensions")]
    public void Domain_Always_DoesNotReference(string forbidden)
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!);

        Assert.That(references, Has.None.StartsWith(forbidden));
    }

    [Test]
    public void DomainProject_Always_HasNoPackageOrProjectReferences()
    {
        var project = File.ReadAllText(Path.Combine(Support.RepositoryRoot.Path, "Domain", "Domain.csproj"));

        Assert.That(project, Does.Not.Contain("PackageReference").And.Not.Contain("ProjectReference"));
    }

    [Test]
    public void Domain_Always_DoesNotReadTheClock()
    {
        var offenders = Directory
            .EnumerateFiles(Path.Combine(Support.RepositoryRoot.Path, "Domain"), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            )
            .Where(f =>
                File.ReadAllText(f) is var text
                && (
                    text.Contains("DateTime.Now", StringComparison.Ordinal)
                    || text.Contains("DateTimeOffset.Now", StringComparison.Ordinal)
                    || text.Contains("UtcNow", StringComparison.Ordinal)
                    || text.Contains("DateTime.Today", StringComparison.Ordinal)
                )
            )
            .ToList();

        Assert.That(offenders, Is.Empty);
    }
}
