using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Scorecard.Api.Tests.Support;
using Scorecard.Domain.Periods;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>The refresh's store on the suite's provider: a SQLite file, or a SQL Server database of its own.</summary>
public sealed class IndicatorValueStoreTests
{
    private string? directory;
    private string? sqlServerDatabase;
    private DbConnectionFactory db = null!;
    private IndicatorValueStore store = null!;

    [SetUp]
    public void CreateDatabase()
    {
        DatabaseSettings settings;
        if (TestSqlServer.SuiteProvider == DatabaseProvider.SqlServer)
        {
            sqlServerDatabase = TestSqlServer.CreateDatabase();
            settings = DatabaseSettings.Create("SqlServer", sqlServerDatabase, null);
        }
        else
        {
            directory = Directory.CreateTempSubdirectory("scorecard-indicator-values").FullName;
            settings = DatabaseSettings.Create("Sqlite", $"Data Source={Path.Combine(directory, "s.db")}", null);
        }

        new DatabaseMigrator(settings, NullLogger<DatabaseMigrator>.Instance).Migrate();
        DapperTypeHandlers.Register();
        db = new DbConnectionFactory(settings);
        store = new IndicatorValueStore(
            db,
            new SqliteCheckpointer(db, TimeProvider.System, NullLogger<SqliteCheckpointer>.Instance)
        );
    }

    [TearDown]
    public void DeleteDatabase()
    {
        if (sqlServerDatabase is not null)
        {
            TestSqlServer.DropDatabase(sqlServerDatabase);
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory!, recursive: true);
        }
        catch (IOException)
        {
            // The background WAL checkpoint a write starts may still hold the files; they hold test data only.
        }
    }

    private async Task MarkAsync(string month)
    {
        await using var connection = await db.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(db.Dialect.MarkStaleSql, new { Month = month });
    }

    private static IndicatorValueRow Row(string unit, string month)
    {
        var p = Period.Parse(month);
        return new(unit, "on-time", p.Code, "month", p.FirstDay, p.LastDay, 1, 2, 50.0, "red", null);
    }

    [Test]
    public async Task Mark_WhenRepeated_KeepsOneRowAndBumpsItsVersion()
    {
        await MarkAsync("2025-03-01");
        await MarkAsync("2025-03-01");

        Assert.That(
            await store.MarksAsync(CancellationToken.None),
            Is.EqualTo(new[] { new StaleMark("2025-03-01", 2) })
        );
    }

    [Test]
    public async Task Replace_WhenAMonthWasMarkedAgainSinceItWasRead_KeepsThatMark()
    {
        await MarkAsync("2025-03-01");
        await MarkAsync("2025-04-01");
        var read = await store.MarksAsync(CancellationToken.None);
        await MarkAsync("2025-04-01");

        await store.ReplaceAsync(["2025-03"], [Row("P", "2025-03")], read, CancellationToken.None);

        Assert.That(
            await store.MarksAsync(CancellationToken.None),
            Is.EqualTo(new[] { new StaleMark("2025-04-01", 2) })
        );
    }

    [Test]
    public async Task Replace_ForSomePeriods_LeavesTheRowsOfOthers()
    {
        await store.ReplaceAsync(
            null,
            [Row("P", "2025-03"), Row("P", "2025-04"), Row("Q", "2025-03")],
            [],
            CancellationToken.None
        );

        await store.ReplaceAsync(["2025-03"], [Row("P", "2025-03")], [], CancellationToken.None);

        await using var connection = await db.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string Unit, string Period)>(
            "SELECT unit_code, period FROM indicator_values ORDER BY unit_code, period"
        );
        Assert.That(rows, Is.EqualTo(new[] { ("P", "2025-03"), ("P", "2025-04") }));
        var stored = await store.StoredMonthsAsync(CancellationToken.None);
        Assert.That(
            (stored.First, stored.Last),
            Is.EqualTo(((DateOnly?)new DateOnly(2025, 3, 1), (DateOnly?)new DateOnly(2025, 4, 1)))
        );
    }

    [Test]
    public async Task Replace_WritesOnlyTheRowsThatDiffer_AndDeletesTheOnesNoLongerComputed()
    {
        var first = await store.ReplaceAsync(
            null,
            [Row("P", "2025-03"), Row("Q", "2025-03"), Row("R", "2025-03"), Row("P", "2025-04")],
            [],
            CancellationToken.None
        );

        var moved = Row("P", "2025-03") with { Numerator = 2, Value = 100.0, Band = "green" };
        var second = await store.ReplaceAsync(
            ["2025-03"],
            [moved, Row("Q", "2025-03"), Row("S", "2025-03")],
            [],
            CancellationToken.None
        );
        var third = await store.ReplaceAsync(
            ["2025-03"],
            [moved, Row("Q", "2025-03"), Row("S", "2025-03")],
            [],
            CancellationToken.None
        );

        Assert.That(first, Is.EqualTo(4));
        Assert.That(
            second,
            Is.EqualTo(3),
            TestSqlServer.SuiteProvider == DatabaseProvider.SqlServer
                ? ""
                : "P updated, S inserted, R deleted; Q as it was"
        );
        Assert.That(
            third,
            Is.EqualTo(TestSqlServer.SuiteProvider == DatabaseProvider.SqlServer ? 6 : 0),
            "SQL Server deletes and inserts the period; SQLite has nothing to write"
        );
        await using var connection = await db.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string Unit, string Period, long Numerator, string Band)>(
            "SELECT unit_code, period, numerator, band FROM indicator_values ORDER BY unit_code, period"
        );
        Assert.That(
            rows,
            Is.EqualTo(
                new[]
                {
                    ("P", "2025-03", 2L, "green"),
                    ("P", "2025-04", 1L, "red"),
                    ("Q", "2025-03", 1L, "red"),
                    ("S", "2025-03", 1L, "red"),
                }
            )
        );
    }

    private static IndexScoreRow Score(string unit, string month, string code, double points)
    {
        var p = Period.Parse(month);
        return new(
            unit,
            p.Code,
            code,
            "sub-indicator",
            "progress",
            "on-time",
            "month",
            p.FirstDay,
            p.LastDay,
            3,
            4,
            0.75,
            0.9,
            points,
            10.0,
            null
        );
    }

    [Test]
    public async Task Replace_OfEveryPeriod_DropsThePeriodsNoLongerComputed_InBothTables()
    {
        await store.ReplaceAsync(
            null,
            [Row("P", "2025-03"), Row("P", "2025-04")],
            [],
            CancellationToken.None,
            [Score("P", "2025-03", "4.1", 8.0), Score("P", "2025-04", "4.1", 8.0)]
        );

        var written = await store.ReplaceAsync(
            null,
            [Row("P", "2025-04")],
            [],
            CancellationToken.None,
            [Score("P", "2025-04", "4.1", 8.5)]
        );

        await using var connection = await db.OpenAsync(CancellationToken.None);
        Assert.That(
            await connection.QueryAsync<string>("SELECT period FROM indicator_values"),
            Is.EqualTo(new[] { "2025-04" })
        );
        var scores = (
            await connection.QueryAsync<(string Period, string Code, double Points, long Numerator, string? Status)>(
                "SELECT period, code, points, numerator, status FROM index_scores"
            )
        ).ToList();
        Assert.That(scores, Is.EqualTo(new[] { ("2025-04", "4.1", 8.5, 3L, (string?)null) }));
        if (TestSqlServer.SuiteProvider != DatabaseProvider.SqlServer)
        {
            Assert.That(written, Is.EqualTo(1), "2025-03 deleted; 2025-04 as it was");
        }
    }

    [Test]
    public async Task Replace_OfMoreRowsThanOneTransactionTakes_WritesEveryRowOnce()
    {
        var units = Enumerable.Range(0, IndicatorValueStore.RowsPerSqliteTransaction / 2 + 7).Select(i => $"U{i}");
        var rows = units.SelectMany(u => new[] { Row(u, "2025-03"), Row(u, "2025-04"), Row(u, "2025-05") }).ToList();

        var first = await store.ReplaceAsync(null, rows, [], CancellationToken.None);
        var kept = rows.Where(r => r.UnitCode != "U3" || r.Period == "2025-03")
            .Select(r => r.UnitCode == "U5" && r.Period != "2025-03" ? r with { Numerator = 2 } : r)
            .Where(r => r.Period != "2025-03");
        var second = await store.ReplaceAsync(["2025-04", "2025-05"], [.. kept], [], CancellationToken.None);

        Assert.That(first, Is.EqualTo(rows.Count), "more rows than one transaction takes, each inserted");
        if (TestSqlServer.SuiteProvider != DatabaseProvider.SqlServer)
        {
            Assert.That(second, Is.EqualTo(4), "U3's rows of April and May deleted, U5's updated; the rest as it was");
        }

        await using var connection = await db.OpenAsync(CancellationToken.None);
        Assert.That(
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM indicator_values"),
            Is.EqualTo(rows.Count - 2)
        );
        Assert.That(
            await connection.QueryAsync<(string, long)>(
                "SELECT period, numerator FROM indicator_values WHERE unit_code = 'U5' ORDER BY period"
            ),
            Is.EqualTo(new[] { ("2025-03", 1L), ("2025-04", 2L), ("2025-05", 2L) })
        );
    }
}
