using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// The reads over the units of a level keep the plan that makes them fast on a file without statistics (the
/// service never runs ANALYZE): the units first, then each unit's rows of the facts (<c>f</c>) or of
/// <c>procedure_reach</c> (<c>u</c>) by their key, never a scan of those tables. One statement written with an
/// equality on the year made SQLite read the whole of <c>procedure_reach</c> first: the national ranking of the
/// provinces went from 30 to 420 ms at the median.
/// </summary>
public sealed partial class SqlitePlanTests
{
    private static readonly string[] LevelReads =
    [
        "FactsQuery.ByLevelSql",
        "FactsQuery.ByUnitOfLevelSql",
        "FactsQuery.ByLevelBelowRootsSql",
        "FactsQuery.RootsOfLevelSql",
        "ProcedureReachQuery.OneUnitSql",
        "ProcedureReachQuery.OneUnitOfYearSql",
        "ProcedureReachQuery.LevelSql",
        "ProcedureReachQuery.LevelOfYearSql",
        "ProcedureReachQuery.UnitsOfLevelSql",
        "ProcedureReachQuery.UnitsOfLevelOfYearSql",
    ];

    private string directory = null!;
    private SqliteConnection connection = null!;

    [OneTimeSetUp]
    public void Create()
    {
        directory = Directory.CreateTempSubdirectory("scorecard-plans").FullName;
        var settings = DatabaseSettings.Create("Sqlite", $"Data Source={Path.Combine(directory, "p.db")}", null);
        new DatabaseMigrator(settings, NullLogger<DatabaseMigrator>.Instance).Migrate();
        connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
    }

    [OneTimeTearDown]
    public void Delete()
    {
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    public static IEnumerable<TestCaseData> Reads() =>
        LevelReads.Select(name => new TestCaseData(name).SetName($"Plan_{name}"));

    [TestCaseSource(nameof(Reads))]
    public void LevelRead_OnAFileWithoutStatistics_SeeksTheFactsAndTheReachByKey(string name)
    {
        var sql = SqlServerSyntaxTests.Expand(SqlServerSyntaxTests.AllStatements().Single(s => s.Name == name).Sql);
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var parameter in ParameterName().Matches(sql).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            command.Parameters.AddWithValue(parameter, DBNull.Value);
        }

        var plan = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.That(plan, Is.Not.Empty);
        Assert.That(plan.Where(step => WholeScan().IsMatch(step)), Is.Empty, $"{name}:\n{string.Join('\n', plan)}");
        Assert.That(
            plan,
            Has.Some.Match(@"^SEARCH (f|u) USING PRIMARY KEY \(unit_id=\?"),
            $"{name}:\n{string.Join('\n', plan)}"
        );
    }

    [GeneratedRegex("@[A-Za-z][A-Za-z0-9]*")]
    private static partial Regex ParameterName();

    [GeneratedRegex(@"^SCAN (f|u)\b")]
    private static partial Regex WholeScan();
}
