using System.Data;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Facts;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.SqlServer;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// What the SQL Server session bulk-copies, checked against the migration scripts without a server:
/// each staged row has exactly the columns its #temp table gets from <c>SELECT TOP (0) … INTO</c>, with
/// a CLR type SqlBulkCopy writes into the column's SQL type, and nulls only where the column allows them.
/// </summary>
public sealed class SqlServerStagingTests
{
    private static readonly Dictionary<SqlDataTypeOption, Type> ClrTypes = new()
    {
        [SqlDataTypeOption.VarChar] = typeof(string),
        [SqlDataTypeOption.NVarChar] = typeof(string),
        [SqlDataTypeOption.Int] = typeof(int),
        [SqlDataTypeOption.BigInt] = typeof(long),
        [SqlDataTypeOption.Bit] = typeof(bool),
        [SqlDataTypeOption.DateTimeOffset] = typeof(DateTimeOffset),
        [SqlDataTypeOption.Date] = typeof(DateTime),
    };

    private static readonly Lazy<
        Dictionary<string, Dictionary<string, (SqlDataTypeOption Type, bool Nullable)>>
    > Schema = new(ReadSchema);

    public static IEnumerable<TestCaseData> Tables() =>
        [
            new TestCaseData(SqlServerStaging.EventTable()).SetName("Staging_Events"),
            new TestCaseData(SqlServerStaging.DossierTable()).SetName("Staging_Dossiers"),
            new TestCaseData(SqlServerStaging.FactTable(SqlServerStaging.DayFacts)).SetName("Staging_DayFacts"),
            new TestCaseData(SqlServerStaging.FactTable(SqlServerStaging.MonthFacts)).SetName("Staging_MonthFacts"),
        ];

    [TestCaseSource(nameof(Tables))]
    public void StagedRows_Always_HaveTheColumnsAndTypesOfTheirTempTable(DataTable rows)
    {
        var (source, columns) = CreatedTables()[rows.TableName];
        var table = Schema.Value[source];

        Assert.That(
            rows.Columns.Cast<DataColumn>().Select(c => c.ColumnName),
            Is.EqualTo(columns),
            $"{rows.TableName} columns"
        );
        foreach (DataColumn column in rows.Columns)
        {
            var expected = column.ColumnName == "ord" ? typeof(int) : ClrTypes[table[column.ColumnName].Type];
            Assert.That(column.DataType, Is.EqualTo(expected), $"{rows.TableName}.{column.ColumnName}");
        }
    }

    [Test]
    public void AddEvent_WithOnlyTheRequiredFields_PutsNullsOnlyInNullableColumnsAndInstantsInUtc()
    {
        using var rows = SqlServerStaging.EventTable();
        var at = new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));

        SqlServerStaging.AddEvent(
            rows,
            0,
            new AppendedEvent(
                new DossierEvent("e-1", "D-1", DossierEventType.Resolved, at, 0) { Source = "s1" },
                KeyId: null,
                StoredAt: at
            )
        );

        AssertNullsOnlyWhereAllowed(rows, "dossier_events");
        Assert.That(
            (DateTimeOffset)rows.Rows[0]["at"],
            Is.EqualTo(at).And.Property(nameof(DateTimeOffset.Offset)).EqualTo(TimeSpan.Zero)
        );
        Assert.That(((DateTimeOffset)rows.Rows[0]["stored_at"]).Offset, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void AddDossier_ForAnOpenDossier_PutsNullsOnlyInNullableColumnsAndInstantsInUtc()
    {
        using var rows = SqlServerStaging.DossierTable();
        var received = new DateTimeOffset(2025, 3, 3, 8, 0, 0, TimeSpan.FromHours(7));

        SqlServerStaging.AddDossier(
            rows,
            new DossierRow
            {
                Source = "s1",
                Code = "D-1",
                ProcedureId = 1,
                UnitId = 2,
                Channel = "online",
                Status = "received",
                ReceivedAt = received,
            }
        );

        AssertNullsOnlyWhereAllowed(rows, "dossiers");
        Assert.That(
            (DateTimeOffset)rows.Rows[0]["received_at"],
            Is.EqualTo(received).And.Property(nameof(DateTimeOffset.Offset)).EqualTo(TimeSpan.Zero)
        );
    }

    [Test]
    public void AddFacts_Always_WritesTheKeyAsADateAndEveryCounterInFactColumnsOrder()
    {
        using var rows = SqlServerStaging.FactTable(SqlServerStaging.MonthFacts);

        SqlServerStaging.AddFacts(rows, new FactRow(7, new DateOnly(2025, 3, 1), FactCounts.From(c => (int)c + 1)));

        object[] expected =
        [
            7,
            new DateTime(2025, 3, 1),
            .. Enumerable.Range(1, (int)FactCounter.Count).Select(i => (object)(long)i),
        ];
        Assert.That(rows.Rows[0].ItemArray, Is.EqualTo(expected));
        Assert.That(
            rows.Columns.Cast<DataColumn>().Skip(2).Select(c => c.ColumnName),
            Is.EqualTo(FactColumns.Names.Split(", "))
        );
    }

    [Test]
    public void StagedUpdates_Always_SetTheSameColumnsAsTheSqliteUpserts()
    {
        static IEnumerable<string> Targets(string assignments) =>
            assignments.Split(", ").Select(a => a.Split(" = ")[0]);

        Assert.That(
            Targets(DossierColumns.Table.UpdateFromStaged),
            Is.EqualTo(Targets(DossierColumns.Table.UpdateFromExcluded))
        );
        Assert.That(Targets(FactColumns.AddStaged), Is.EqualTo(FactColumns.Names.Split(", ")));
        Assert.That(DossierColumns.Table.UpdateFromStaged.Split(", "), Has.All.Match(@"^(\w+) = s\.\1$"));
        Assert.That(FactColumns.AddStaged.Split(", "), Has.All.Match(@"^(\w+) = f\.\1 \+ s\.\1$"));
    }

    private static void AssertNullsOnlyWhereAllowed(DataTable rows, string source)
    {
        var table = Schema.Value[source];
        var nulls = rows
            .Columns.Cast<DataColumn>()
            .Where(c => rows.Rows[0][c] is DBNull)
            .Select(c => c.ColumnName)
            .ToList();

        Assert.That(nulls, Is.Not.Empty);
        Assert.That(nulls.Where(c => !table[c].Nullable), Is.Empty, "NOT NULL columns given a null");
    }

    /// <summary>The #temp tables <see cref="SqlServerStaging.CreateSql"/> creates: the table each is selected from, and
    /// its columns.</summary>
    private static Dictionary<string, (string Source, List<string> Columns)> CreatedTables()
    {
        using var reader = new StringReader(SqlServerStaging.CreateSql);
        var script = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);
        Assert.That(errors, Is.Empty);
        return script
            .Batches.SelectMany(b => b.Statements)
            .OfType<SelectStatement>()
            .ToDictionary(
                s => s.Into.BaseIdentifier.Value,
                s =>
                {
                    var query = (QuerySpecification)s.QueryExpression;
                    var source = ((NamedTableReference)query.FromClause.TableReferences.Single())
                        .SchemaObject
                        .BaseIdentifier
                        .Value;
                    var columns = query
                        .SelectElements.Cast<SelectScalarExpression>()
                        .Select(e =>
                            e.ColumnName?.Value
                            ?? ((ColumnReferenceExpression)e.Expression).MultiPartIdentifier.Identifiers[^1].Value
                        )
                        .ToList();
                    return (source, columns);
                }
            );
    }

    /// <summary>Every column of every table the SQL Server migrations create: its type and whether it takes
    /// nulls.</summary>
    private static Dictionary<string, Dictionary<string, (SqlDataTypeOption Type, bool Nullable)>> ReadSchema()
    {
        var tables = new Dictionary<string, Dictionary<string, (SqlDataTypeOption, bool)>>();
        foreach (var script in DatabaseMigrator.Scripts(DatabaseProvider.SqlServer))
        {
            using var reader = new StringReader(script.Contents);
            var fragment = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out _);
            static (SqlDataTypeOption, bool) Typed(ColumnDefinition c) =>
                (
                    ((SqlDataTypeReference)c.DataType).SqlDataTypeOption,
                    c.Constraints.OfType<NullableConstraintDefinition>().SingleOrDefault()?.Nullable ?? true
                );
            foreach (var statement in fragment.Batches.SelectMany(b => b.Statements))
            {
                if (statement is CreateTableStatement create)
                {
                    tables[create.SchemaObjectName.BaseIdentifier.Value] =
                        create.Definition.ColumnDefinitions.ToDictionary(c => c.ColumnIdentifier.Value, Typed);
                }
                else if (statement is AlterTableAddTableElementStatement alter)
                {
                    foreach (var column in alter.Definition.ColumnDefinitions)
                    {
                        tables[alter.SchemaObjectName.BaseIdentifier.Value][column.ColumnIdentifier.Value] = Typed(
                            column
                        );
                    }
                }
            }
        }

        return tables;
    }
}
