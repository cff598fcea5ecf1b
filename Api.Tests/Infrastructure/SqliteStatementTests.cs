using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>The ingestion writer's prepared statements, bound by position.</summary>
public sealed class SqliteStatementTests
{
    private string directory = null!;
    private SqliteConnection connection = null!;

    [SetUp]
    public async Task OpenAsync()
    {
        directory = Directory.CreateTempSubdirectory("scorecard-statements").FullName;
        var settings = DatabaseSettings.Create("Sqlite", $"Data Source={Path.Combine(directory, "s.db")}", null);
        new DatabaseMigrator(settings, NullLogger<DatabaseMigrator>.Instance).Migrate();
        connection = (SqliteConnection)await new DbConnectionFactory(settings).OpenAsync(CancellationToken.None);
    }

    [TearDown]
    public void Close()
    {
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>The binders fill positions 1, 2, …; each statement must name its parameters in exactly that
    /// order.</summary>
    [Test]
    public void EveryBoundStatement_HasItsParametersInTheOrderItsBinderFillsThem()
    {
        foreach (var (sql, expected) in SqliteIngestionSql.BoundStatements.Concat(SqliteFigureMerges.BoundStatements))
        {
            using var statement = new SqliteStatement(connection, sql);
            var names = Enumerable.Range(1, statement.ParameterCount).Select(statement.ParameterName).ToList();

            Assert.That(names, Is.EqualTo(expected), sql);
        }
    }

    [Test]
    public void Execute_ReturnsTheRowsChanged_AndCanRunAgainWithNewValues()
    {
        Exec("CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER, flag INTEGER, note TEXT)");
        using var insert = new SqliteStatement(
            connection,
            "INSERT INTO t (id, n, flag, note) VALUES (@Id, @N, @Flag, @Note) ON CONFLICT (id) DO NOTHING"
        );

        var counts = new List<int>();
        foreach (
            var (id, n, flag, note) in new[]
            {
                ("a", 1L, (bool?)true, "x"),
                ("b", 2L, null, null),
                ("a", 3L, false, "y"),
            }
        )
        {
            insert.Bind(1, id);
            insert.Bind(2, n);
            insert.Bind(3, flag);
            insert.Bind(4, note);
            counts.Add(insert.Execute());
        }

        Assert.That(counts, Is.EqualTo(new[] { 1, 1, 0 }), "the second 'a' is a conflict");
        Assert.That(Rows(), Is.EqualTo(new[] { "a|1|1|x", "b|2|null|null" }));
    }

    /// <summary>Text is bound from the string's own characters, instants and days from their formatted text, all
    /// stored as the text Dapper reads back (an empty string stays an empty text, not a null).</summary>
    [Test]
    public void Bind_StoresTextInstantsAndDays_InTheirStoredTextForm()
    {
        Exec("CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER, flag INTEGER, note TEXT)");
        using var insert = new SqliteStatement(connection, "INSERT INTO t (id, note) VALUES (@Id, @Note)");
        var instant = new DateTimeOffset(2025, 7, 1, 8, 30, 15, TimeSpan.FromHours(7)).AddTicks(1234567);
        var values = new (string Id, Action<int> Bind)[]
        {
            ("empty", p => insert.Bind(p, "")),
            ("vietnamese", p => insert.Bind(p, "Ủy ban nhân dân xã Đắk Hà")),
            ("instant", p => insert.Bind(p, (DateTimeOffset?)instant)),
            ("no instant", p => insert.Bind(p, (DateTimeOffset?)null)),
            ("day", p => insert.Bind(p, new DateOnly(2025, 6, 30))),
        };
        foreach (var (id, bind) in values)
        {
            insert.Bind(1, id);
            bind(2);
            insert.Execute();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT id, typeof(note), note FROM t ORDER BY rowid";
        using var reader = read.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add($"{reader.GetString(0)}|{reader.GetString(1)}|{(reader.IsDBNull(2) ? "" : reader.GetString(2))}");
        }

        Assert.That(
            rows,
            Is.EqualTo(
                new[]
                {
                    "empty|text|",
                    "vietnamese|text|Ủy ban nhân dân xã Đắk Hà",
                    $"instant|text|{DapperTypeHandlers.FormatInstant(instant)}",
                    "no instant|null|",
                    "day|text|2025-06-30",
                }
            )
        );
        Assert.That(DapperTypeHandlers.FormatInstant(instant), Is.EqualTo("2025-07-01T01:30:15.1234567Z"));
    }

    [Test]
    public void Execute_WhenAConstraintFails_ThrowsTheSqliteErrorAndStaysUsable()
    {
        Exec("CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER NOT NULL, flag INTEGER, note TEXT)");
        using var insert = new SqliteStatement(connection, "INSERT INTO t (id, n) VALUES (@Id, @N)");
        insert.Bind(1, "a");
        insert.Bind(2, (long?)null);

        var error = Assert.Throws<SqliteException>(() => insert.Execute());

        Assert.That(error!.Message, Does.Contain("NOT NULL"));
        insert.Bind(2, 5L);
        Assert.That(insert.Execute(), Is.EqualTo(1));
    }

    [Test]
    public void Constructor_RefusesMoreThanOneStatement()
    {
        Assert.Throws<ArgumentException>(() => new SqliteStatement(connection, "SELECT 1; SELECT 2").Dispose());
    }

    private void Exec(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private List<string> Rows()
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, n, flag, note FROM t ORDER BY id";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(
                string.Join(
                    '|',
                    Enumerable
                        .Range(0, 4)
                        .Select(i =>
                            reader.IsDBNull(i)
                                ? "null"
                                : Convert.ToString(
                                    reader.GetValue(i),
                                    System.Globalization.CultureInfo.InvariantCulture
                                )
                        )
                )
            );
        }

        return rows;
    }
}
