using System.Reflection;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// Every SQL statement the service keeps in a field (a constant or a static readonly string named
/// <c>…Sql</c> or <c>…Pragmas</c>) must be valid T-SQL (SQL Server 2022, TSql160Parser), except those
/// in the SQLite folder (namespace <c>Scorecard.Infrastructure.Sqlite</c>): the folder is the rule, so a
/// statement in SQLite's dialect can only live there. A new statement is checked the moment it is added.
/// <see cref="SqlServerParameterTests"/> checks the parameters the same statements name against those
/// their callers pass; <see cref="SqliteStatementsTests"/> prepares every statement SQLite runs.
/// </summary>
public sealed class SqlServerSyntaxTests
{
    public const string SqliteNamespace = "Scorecard.Infrastructure.Sqlite";

    public const string SqlServerNamespace = "Scorecard.Infrastructure.SqlServer";

    /// <summary>Every statement kept in a field of the Infrastructure assembly, by "Type.Field".</summary>
    public static IEnumerable<(string Name, string Sql, string? Namespace)> AllStatements() =>
        typeof(DbConnectionFactory)
            .Assembly.GetTypes()
            .SelectMany(t =>
                t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
                    .Where(f =>
                        (f.IsLiteral || f.IsInitOnly)
                        && f.FieldType == typeof(string)
                        && (
                            f.Name.EndsWith("Sql", StringComparison.Ordinal)
                            || f.Name.EndsWith("Pragmas", StringComparison.Ordinal)
                        )
                    )
                    .Select(f =>
                        (
                            $"{t.Name}.{f.Name}",
                            (string)(f.IsLiteral ? f.GetRawConstantValue() : f.GetValue(null))!,
                            t.Namespace
                        )
                    )
            );

    public static IEnumerable<TestCaseData> Statements() =>
        AllStatements()
            .Where(s => s.Namespace != SqliteNamespace)
            .Select(s => new TestCaseData(s.Name, s.Sql).SetName($"Parse_{s.Name}"));

    [TestCaseSource(nameof(Statements))]
    public void Statement_Always_ParsesAsTSql(string name, string sql)
    {
        var text = Expand(sql);
        using var reader = new StringReader(text);
        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);

        Assert.That(errors.Select(e => $"{e.Line}:{e.Column} {e.Message}"), Is.Empty, $"{name}:\n{text}");
    }

    /// <summary>Fills the placeholders of statement templates (FactsQuery, ProcedureReachQuery) the way their callers
    /// do, with one of their choices.</summary>
    public static string Expand(string sql) =>
        sql.Replace("{0}", "SUM(f.received) AS Received", StringComparison.Ordinal)
            .Replace("{facts}", "monthly_facts", StringComparison.Ordinal)
            .Replace("{key}", "month", StringComparison.Ordinal)
            .Replace("{paid}", "u.paid_online_01", StringComparison.Ordinal)
            .Replace("{population}", "u.population_db_01", StringComparison.Ordinal);

    [Test]
    public void Statements_Always_IncludeTheReadAndWritePaths()
    {
        var names = Statements().Select(t => (string)t.Arguments[0]!).ToList();

        Assert.That(names, Has.Count.GreaterThan(40));
        Assert.That(
            names,
            Does.Contain("FactsQuery.ByUnitOfLevelSql")
                .And.Contain("NationalOnTimeQuery.LateSubtreeSql")
                .And.Contain("UnitWrites.InsertClosureSql")
                .And.Contain("SqlServerIngestionSql.UpsertDossiersSql")
                .And.Contain("IndicatorValueStore.OwnMonthsSql")
        );
    }
}
