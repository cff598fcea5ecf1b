using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// The SQLite side of the folder rule: every statement SQLite runs (those of the SQLite folder and those
/// beside it, which both databases run) prepares on a migrated SQLite database, so its syntax, tables and
/// columns are right; those of the SQL Server folder are left to <see cref="SqlServerSyntaxTests"/>.
/// </summary>
public sealed class SqliteStatementsTests
{
    private static string directory = null!;
    private static SqliteConnection connection = null!;

    public static IEnumerable<TestCaseData> Statements() =>
        SqlServerSyntaxTests
            .AllStatements()
            .Where(s => s.Namespace != SqlServerSyntaxTests.SqlServerNamespace)
            .Select(s => new TestCaseData(s.Name, s.Sql).SetName($"Prepare_{s.Name}"));

    [OneTimeSetUp]
    public static async Task OpenAsync()
    {
        directory = Directory.CreateTempSubdirectory("scorecard-sqlite-statements").FullName;
        var settings = DatabaseSettings.Create("Sqlite", $"Data Source={Path.Combine(directory, "s.db")}", null);
        new DatabaseMigrator(settings, NullLogger<DatabaseMigrator>.Instance).Migrate();
        connection = (SqliteConnection)await new DbConnectionFactory(settings).OpenAsync(CancellationToken.None);
    }

    [OneTimeTearDown]
    public static void Close()
    {
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [TestCaseSource(nameof(Statements))]
    public void Statement_Always_PreparesOnSqlite(string name, string sql)
    {
        // Preparing compiles each statement of the text against the schema without running it.
        using var command = connection.CreateCommand();
        command.CommandText = SqlServerSyntaxTests.Expand(sql);

        Assert.DoesNotThrow(() => command.Prepare(), name);
    }

    [Test]
    public void Statements_Always_IncludeTheSqliteWritePath() =>
        Assert.That(
            Statements().Select(t => (string)t.Arguments[0]!),
            Does.Contain("SqliteIngestionSql.AppendEventSql").And.Contain("SqliteDialect.MarkStaleSqliteSql")
        );
}
