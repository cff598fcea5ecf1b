using Microsoft.Data.SqlClient;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Support;

/// <summary>
/// The SQL Server the tests may use, from the environment: <see cref="ServerVariable"/> holds a connection
/// string whose login may create databases; <see cref="ProviderVariable"/> = <c>SqlServer</c> runs the whole
/// suite against it (each <see cref="ScorecardFactory"/> on a database of its own) instead of SQLite files.
/// </summary>
public static class TestSqlServer
{
    public const string ServerVariable = "SCORECARD_TEST_SQLSERVER";
    public const string ProviderVariable = "SCORECARD_TEST_PROVIDER";

    /// <summary>The connection string to the server, or null when none is given.</summary>
    public static string? Server =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    /// <summary>The provider the suite runs on: SQLite unless <see cref="ProviderVariable"/> says otherwise.</summary>
    public static DatabaseProvider SuiteProvider => ReadSuiteProvider();

    /// <summary>
    /// Creates an empty database with row versioning on (as the README asks of production) and returns a
    /// connection string to it.
    /// </summary>
    public static string CreateDatabase()
    {
        var server = Server
            ?? throw new InvalidOperationException(
                $"Set {ServerVariable} to a SQL Server connection string (a login that may create databases)."
            );
        var database = "scorecard_test_" + Guid.NewGuid().ToString("N")[..12];
        ExecuteOnMaster(server, $"CREATE DATABASE [{database}]");
        ExecuteOnMaster(server, $"ALTER DATABASE [{database}] SET READ_COMMITTED_SNAPSHOT ON");
        return new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, closing the connections still pooled or open on
    /// it.</summary>
    public static void DropDatabase(string connectionString)
    {
        using (var pooled = new SqlConnection(connectionString))
        {
            SqlConnection.ClearPool(pooled);
        }

        var builder = new SqlConnectionStringBuilder(connectionString);
        ExecuteOnMaster(
            connectionString,
            $"ALTER DATABASE [{builder.InitialCatalog}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE"
        );
        ExecuteOnMaster(connectionString, $"DROP DATABASE [{builder.InitialCatalog}]");
    }

    private static void ExecuteOnMaster(string server, string sql)
    {
        using var connection = new SqlConnection(
            new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString
        );
        connection.Open();
        using var command = new SqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static DatabaseProvider ReadSuiteProvider()
    {
        var name = Environment.GetEnvironmentVariable(ProviderVariable);
        if (string.IsNullOrWhiteSpace(name))
        {
            return DatabaseProvider.Sqlite;
        }

        if (
            !Enum.TryParse<DatabaseProvider>(name.Trim(), ignoreCase: true, out var provider)
            || int.TryParse(name, out _)
        )
        {
            throw new InvalidOperationException(
                $"{ProviderVariable} '{name}' is not a provider; use one of: "
                    + $"{string.Join(", ", Enum.GetNames<DatabaseProvider>())}."
            );
        }

        if (provider == DatabaseProvider.SqlServer && Server is null)
        {
            throw new InvalidOperationException($"{ProviderVariable} is SqlServer but {ServerVariable} is empty.");
        }

        return provider;
    }
}
