using System.Data.Common;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.Support;

/// <summary>
/// The application in process on a database of its own: a temporary SQLite file, or under
/// <see cref="TestSqlServer.ProviderVariable"/> = SqlServer a SQL Server database created for it and dropped
/// with it. Overrides that set <c>Database:Provider</c> bring their own database instead.
/// </summary>
public sealed class ScorecardFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";

    private const string ProviderKey = "Database:Provider";
    private const string ConnectionKey = "ConnectionStrings:Scorecard";

    private readonly Dictionary<string, string?> settings;
    private readonly string? directory;
    private readonly string? sqlServerDatabase;
    private bool cleaned;

    /// <param name="provider">Where to make the database (the suite's provider when null); ignored when the overrides
    /// set one.</param>
    public ScorecardFactory(Dictionary<string, string?>? overrides = null, DatabaseProvider? provider = null)
    {
        settings = new Dictionary<string, string?>
        {
            ["Auth:BootstrapAdminKey"] = AdminKey,
            ["Seed:DemoOnFirstStart"] = "false",

            // The fixtures' events carry fixed 2025 dates while the clock is real; EventAgeLimitTests sets the limit.
            ["Ingestion:MaxEventAgeDays"] = "0",

            // One line per request is for operators; tests that read it (LoggingTests) turn it back on.
            ["Logging:LogLevel:Scorecard.Api.Requests"] = "Warning",
        };
        if (overrides?.GetValueOrDefault(ProviderKey) is { } given)
        {
            Provider = Enum.Parse<DatabaseProvider>(given, ignoreCase: true);
        }
        else if ((provider ?? TestSqlServer.SuiteProvider) == DatabaseProvider.SqlServer)
        {
            Provider = DatabaseProvider.SqlServer;
            sqlServerDatabase = TestSqlServer.CreateDatabase();
            settings[ProviderKey] = nameof(DatabaseProvider.SqlServer);
            settings[ConnectionKey] = sqlServerDatabase;
        }
        else
        {
            Provider = DatabaseProvider.Sqlite;
            directory = Path.Combine(Path.GetTempPath(), "scorecard-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            settings[ProviderKey] = nameof(DatabaseProvider.Sqlite);
            settings[ConnectionKey] = $"Data Source={Path.Combine(directory, "scorecard.db")}";
        }

        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file of this factory's database: its own, or the one its overrides name.</summary>
    private string DatabasePath =>
        directory is not null ? Path.Combine(directory, "scorecard.db")
        : Provider == DatabaseProvider.Sqlite && settings.GetValueOrDefault(ConnectionKey) is { } given
            ? new SqliteConnectionStringBuilder(given).DataSource
        : throw new InvalidOperationException("This factory's database is not a SQLite file.");

    /// <summary>A connection to this factory's own database, for reading what the service stored.</summary>
    public async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection connection = sqlServerDatabase is not null
            ? new SqlConnection(sqlServerDatabase)
            : new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>The hosting environment the application starts in ("Testing" unless a test needs
    /// "Production").</summary>
    public string EnvironmentName { get; init; } = "Testing";

    /// <summary>Further host configuration (logging, services) applied after the settings.</summary>
    public Action<IWebHostBuilder>? ConfigureHost { get; init; }

    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    public HttpClient AdminClient() => ClientWithKey(AdminKey);

    public HttpClient BasicClient(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("excel:" + key))
        );
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        ConfigureHost?.Invoke(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (cleaned)
        {
            return;
        }

        cleaned = true;
        if (sqlServerDatabase is not null)
        {
            TestSqlServer.DropDatabase(sqlServerDatabase);
        }

        if (directory is null)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left in the temp folder; it holds test data only.
        }
    }
}
