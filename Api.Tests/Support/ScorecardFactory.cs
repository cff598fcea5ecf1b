using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Scorecard.Api.Tests.Support;

/// <summary>The application in process on its own temporary SQLite file.</summary>
public sealed class ScorecardFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "scorecard-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> settings;

    public ScorecardFactory(Dictionary<string, string?>? overrides = null)
    {
        Directory.CreateDirectory(directory);
        DatabasePath = Path.Combine(directory, "scorecard.db");
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Scorecard"] = $"Data Source={DatabasePath}",
            ["Database:Provider"] = "Sqlite",
            ["Auth:BootstrapAdminKey"] = AdminKey,
            ["Seed:DemoOnFirstStart"] = "false",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }
    }

    public string DatabasePath { get; }

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
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("excel:" + key)));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
