using System.Reflection;
using System.Text.RegularExpressions;
using NetArchTest.Rules;

namespace Scorecard.Api.Tests.Architecture;

/// <summary>
/// The layering, as the modular-monolith anchor writes it: Domain is pure; only Infrastructure holds
/// SQL text and data providers; what differs between the databases stays in its folder; the API
/// reaches data only through Infrastructure.
/// </summary>
public sealed partial class DependencyRulesTests
{
    private static readonly Assembly Domain = typeof(Scorecard.Domain.Units.UnitTree).Assembly;
    private static readonly Assembly Infrastructure =
        typeof(Scorecard.Infrastructure.Database.DbConnectionFactory).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static readonly string[] DataAccess =
    [
        "Dapper",
        "Microsoft.Data.Sqlite",
        "Microsoft.Data.SqlClient",
        "DbUp",
        "SQLitePCL",
    ];

    [Test]
    public void Domain_Always_DependsOnNoOtherLayerNorFramework()
    {
        var result = Types
            .InAssembly(Domain)
            .ShouldNot()
            .HaveDependencyOnAny([
                "Scorecard.Infrastructure",
                "Scorecard.Api",
                "Microsoft.AspNetCore",
                "Microsoft.Extensions",
                "System.Data",
                .. DataAccess,
            ])
            .GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    [Test]
    public void Api_Always_ReachesDataOnlyThroughInfrastructure()
    {
        var result = Types.InAssembly(Api).ShouldNot().HaveDependencyOnAny(DataAccess).GetResult();

        Assert.That(
            result.FailingTypeNames ?? [],
            Is.Empty,
            "the API may not use a data provider, Dapper or the migration engine"
        );
    }

    [Test]
    public void Infrastructure_Always_KeepsEachDatabaseInItsFolder()
    {
        var sqlite = Types
            .InAssembly(Infrastructure)
            .That()
            .DoNotResideInNamespace("Scorecard.Infrastructure.Sqlite")
            .And()
            .DoNotResideInNamespace("Scorecard.Infrastructure.Database")
            .ShouldNot()
            .HaveDependencyOnAny(["Microsoft.Data.Sqlite", "SQLitePCL"])
            .GetResult();
        var sqlServer = Types
            .InAssembly(Infrastructure)
            .That()
            .DoNotResideInNamespace("Scorecard.Infrastructure.SqlServer")
            .ShouldNot()
            .HaveDependencyOn("Microsoft.Data.SqlClient")
            .GetResult();

        Assert.That(sqlite.FailingTypeNames ?? [], Is.Empty, "SQLite's provider outside Infrastructure/Sqlite");
        Assert.That(
            sqlServer.FailingTypeNames ?? [],
            Is.Empty,
            "SQL Server's provider outside Infrastructure/SqlServer"
        );
    }

    [Test]
    public void Infrastructure_Always_DependsNotOnTheApi()
    {
        var result = Types.InAssembly(Infrastructure).ShouldNot().HaveDependencyOn("Scorecard.Api").GetResult();

        Assert.That(result.FailingTypeNames ?? [], Is.Empty);
    }

    /// <summary>SQL text (a statement's opening words) appears in no source file of the API or the Domain.</summary>
    [TestCase("Api")]
    [TestCase("Domain")]
    public void SqlText_Always_LivesInInfrastructureOnly(string project)
    {
        var offenders = Directory
            .EnumerateFiles(Path.Combine(Support.RepositoryRoot.Path, project), "*.cs", SearchOption.AllDirectories)
            .Where(f =>
                !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            )
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(l => SqlStatement().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(Support.RepositoryRoot.Path, l.f)}:{l.i + 1}")
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [GeneratedRegex(
        @"""[^""]*\b(SELECT\s+[\w*({].*\bFROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE)\b",
        RegexOptions.IgnoreCase
    )]
    private static partial Regex SqlStatement();
}
