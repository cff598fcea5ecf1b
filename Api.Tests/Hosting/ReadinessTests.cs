using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Api.Tests.Hosting;

/// <summary>
/// README "Routes": /health/ready is 200 Healthy once the database is migrated, and 200 Degraded, with the
/// progress, while the demo province is being seeded (its figures are incomplete until then).
/// </summary>
public sealed class ReadinessTests
{
    [Test]
    public async Task Ready_WhenNoSeedingIsUnderWay_IsHealthy()
    {
        using var factory = new ScorecardFactory();
        using var client = factory.CreateClient();

        var (status, body) = await ReadyAsync(client);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(Check(body, "demo-seed").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Ready_WhileTheDemoIsSeeded_IsDegradedWithTheProgress()
    {
        using var factory = new ScorecardFactory();
        using var client = factory.CreateClient();
        var progress = factory.Services.GetRequiredService<DemoSeedProgress>();

        progress.Report(4, "dossier events", 40);
        var (status, body) = await ReadyAsync(client);
        progress.Finish();
        var (after, done) = await ReadyAsync(client);

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
        var seed = Check(body, "demo-seed");
        Assert.That(seed.GetProperty("description").GetString(), Does.Contain("step 4/4 (dossier events), 40 %"));
        Assert.That(seed.GetProperty("progress").GetProperty("percent").GetInt32(), Is.EqualTo(40));
        Assert.That(seed.GetProperty("progress").GetProperty("step").GetInt32(), Is.EqualTo(4));
        Assert.That(Check(body, "database").GetProperty("status").GetString(), Is.EqualTo("Healthy"));
        Assert.That(after, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(done.GetProperty("status").GetString(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task Ready_OnTheFirstRequestOfAStartThatSeedsTheDemo_IsDegraded()
    {
        // The demo's 200,000 dossiers take far longer than one request: the first answer comes while seeding.
        var factory = new ScorecardFactory(new() { ["Seed:DemoOnFirstStart"] = "true" });
        try
        {
            using var client = factory.CreateClient();

            var (status, body) = await ReadyAsync(client);

            Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Degraded"));
            Assert.That(
                Check(body, "demo-seed").GetProperty("description").GetString(),
                Does.StartWith("Seeding the demo province")
            );
        }
        finally
        {
            var stopping = Stopwatch.StartNew();
            factory.Dispose();
            Assert.That(stopping.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "seeding stops with the service");
        }
    }

    [Test]
    public async Task Seeder_WhenItEnds_LeavesReadinessHealthy()
    {
        using var factory = new ScorecardFactory();
        var progress = factory.Services.GetRequiredService<DemoSeedProgress>();
        progress.Expect();

        await factory
            .Services.GetRequiredService<DemoSeeder>()
            .SeedAsync(new DemoSeedOptions(Seed: 7, Dossiers: 0, Until: new DateOnly(2025, 12, 30)), default);

        Assert.That(progress.Current, Is.Null);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static JsonElement Check(JsonElement body, string name) =>
        body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
}
