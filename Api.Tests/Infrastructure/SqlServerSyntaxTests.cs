using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// Every SQL statement the service keeps as a constant must be valid T-SQL (SQL Server 2022,
/// TSql160Parser), except the SQLite-only statements listed here by name. A new constant is checked
/// the moment it is added, so a query cannot reach SQL Server untested. <see cref="SqlServerParameterTests"/>
/// checks the parameters the same statements name against those their callers pass.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    /// <summary>
    /// Statements written in SQLite's dialect (json_each, ON CONFLICT, PRAGMA): the SQLite write path and its helpers.
    /// Each has a SQL Server twin that is parsed (StaleMarks.MarkSqliteSql: StaleMarks.MarkSqlServerSql).
    /// </summary>
    private static readonly HashSet<string> SqliteOnly =
    [
        "SqliteIngestionSql.LoadEventsSql", "SqliteIngestionSql.LoadDossiersSql", "SqliteIngestionSql.AppendEventSql",
        "SqliteIngestionSql.UpsertDossierSql", "SqliteIngestionSql.AddFactsSql", "SqliteIngestionSql.AddMonthFactsSql",
        "SqliteIngestionSql.WriterPragmasSql", "DbConnectionFactory.SqlitePerConnectionPragmas",
        "DossierColumns.UpdateFromExcluded", "FactColumns.AddExcluded", "FactColumns.AddExcludedMonthly",
        "StaleMarks.MarkSqliteSql", "SqliteIndicatorValueMerge.UpsertSql",
    ];

    /// <summary>Fragments, not statements: column lists and clauses spliced into statements checked elsewhere.</summary>
    private static readonly HashSet<string> Fragments =
    [
        "DossierColumns.Select", "DossierColumns.Insert", "DossierColumns.Values", "FactColumns.Names", "FactColumns.Values",
        "FactColumns.Select", "FactColumns.Sums", "FactColumns.AllZero", "EventRow.Columns", "ApiKeyStore.Columns",
        "NationalOnTimeQuery.Counts", "NationalOnTimeQuery.InPeriod", "DossierColumns.UpdateFromStaged", "FactColumns.AddStaged",
        "SqlServerStaging.EventColumns",
    ];

    public static IEnumerable<TestCaseData> Statements() =>
        typeof(DbConnectionFactory).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && (f.Name.EndsWith("Sql", StringComparison.Ordinal) || f.Name.EndsWith("Pragmas", StringComparison.Ordinal) || Fragments.Contains($"{t.Name}.{f.Name}") || SqliteOnly.Contains($"{t.Name}.{f.Name}")))
                .Select(f => (Name: $"{t.Name}.{f.Name}", Sql: (string)f.GetRawConstantValue()!)))
            .Where(s => !SqliteOnly.Contains(s.Name) && !Fragments.Contains(s.Name))
            .Select(s => new TestCaseData(s.Name, s.Sql).SetName($"Parse_{s.Name}"));

    [TestCaseSource(nameof(Statements))]
    public void Statement_Always_ParsesAsTSql(string name, string sql)
    {
        var text = Expand(sql);
        using var reader = new StringReader(text);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);

        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, $"{name}:\n{text}");
    }

    /// <summary>Fills the placeholders of statement templates (FactsQuery) the way their callers do, with one of their choices.</summary>
    public static string Expand(string sql) => sql
        .Replace("{0}", "SUM(f.received) AS Received", StringComparison.Ordinal)
        .Replace("{facts}", "monthly_facts", StringComparison.Ordinal)
        .Replace("{key}", "month", StringComparison.Ordinal);

    [Test]
    public void Statements_Always_IncludeTheReadAndWritePaths()
    {
        var names = Statements().Select(t => (string)t.Arguments[0]!).ToList();

        Assert.That(names, Has.Count.GreaterThan(40));
        Assert.That(names, Does.Contain("FactsQuery.ByUnitOfLevelSql").And.Contain("NationalOnTimeQuery.SubtreeSql").And.Contain("UnitWrites.InsertClosureSql"));
    }

    [Test]
    public void SqliteOnlyList_NamesOnlyConstantsThatExist()
    {
        var all = typeof(DbConnectionFactory).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic).Where(f => f.IsLiteral).Select(f => $"{t.Name}.{f.Name}"))
            .ToHashSet();

        Assert.That(SqliteOnly.Concat(Fragments).Where(n => !all.Contains(n)), Is.Empty);
    }
}
