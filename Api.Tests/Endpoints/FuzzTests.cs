using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OData.Edm;
using Scorecard.Api.OData;
using Scorecard.Api.Tests.Endpoints.OData;
using Scorecard.Api.Tests.Support;
using Scorecard.Api.Tests.Support.Fuzz;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// A seeded fuzz of every JSON route and feed over real HTTP (Kestrel in process, Production
/// settings): malformed and mistyped JSON, huge values and bodies, invalid UTF-8, deep nesting,
/// wrong content types and methods, odd paths, invalid and over-limit OData queries, header abuse.
/// Every request must be answered within the deadline, never with a 5xx, and every error must be a
/// problem document (an OData error document under /odata) that shows no internals.
/// SCORECARD_FUZZ_REQUESTS (default 10,000) and SCORECARD_FUZZ_SEED choose a longer or another run.
/// </summary>
public sealed class FuzzTests
{
    private const int DefaultRequests = 10_000;
    private const int DefaultSeed = 20_260_101;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly CapturedLog log = new();
    private ScorecardFactory factory = null!;
    private Dictionary<FuzzKey, string?> keys = null!;
    private List<FuzzRoute> routes = null!;
    private List<IEdmEntitySet> feeds = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory(new() { ["RateLimit:RequestsPerSecond"] = "0" })
        {
            EnvironmentName = "Production",
            ConfigureHost = b => b.ConfigureLogging(l => l.ClearProviders().AddProvider(log)),
        };
        factory.UseKestrel(0);
        factory.StartServer();
        using var admin = factory.AdminClient();
        await FeedDataset.SeedAsync(admin);
        (
            await admin.PutAsJsonAsync(
                "/api/units",
                new[]
                {
                    new
                    {
                        code = "P.F",
                        name = "Huyện thử",
                        level = "district",
                        kind = "locality",
                        parentCode = "P",
                    },
                }
            )
        ).EnsureSuccessStatusCode();
        (
            await admin.PutAsJsonAsync("/api/indicators", new[] { new { code = "fuzz-reported", name = "Chỉ số thử" } })
        ).EnsureSuccessStatusCode();
        var revoked = await CreateKeyAsync(admin, "revoked", "analyst", null);
        (
            await admin.DeleteAsync(new Uri("/api/keys/" + revoked.Split('_')[1], UriKind.Relative))
        ).EnsureSuccessStatusCode();
        keys = new Dictionary<FuzzKey, string?>
        {
            [FuzzKey.Admin] = ScorecardFactory.AdminKey,
            [FuzzKey.Analyst] = await CreateKeyAsync(admin, "analyst", "analyst", null),
            [FuzzKey.ScopedIntegrator] = await CreateKeyAsync(admin, "integrator A", "integrator", "P.A"),
            [FuzzKey.Revoked] = revoked,
            [FuzzKey.Wrong] = "sc_aaaaaaaaaaaa_not-a-real-secret",
            [FuzzKey.None] = null,
        };
        routes = FuzzRoute.All(factory.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>());
        feeds = [.. ScorecardEdm.Build().EntityContainer.EntitySets()];
    }

    [OneTimeTearDown]
    public void Stop() => factory.Dispose();

    [Test]
    public async Task Requests_WhenHostileOrMalformed_AreAnsweredInTimeWithoutServerErrorsOrLeaks()
    {
        var count = TestSetting.Positive("SCORECARD_FUZZ_REQUESTS", DefaultRequests);
        var seed = TestSetting.Positive("SCORECARD_FUZZ_SEED", DefaultSeed);
        var requests = new FuzzGenerator(seed, routes, feeds).Generate(count);
        using var runner = new FuzzRunner(new Uri(factory.ClientOptions.BaseAddress.ToString()), keys, Deadline);

        var report = await runner.RunAsync(requests, parallelism: 8);

        TestContext.Out.WriteLine(
            $"seed {seed}, {routes.Count} JSON routes, feeds {string.Join(", ", feeds.Select(f => f.Name))}"
        );
        TestContext.Out.WriteLine(report.Summary());
        if (Environment.GetEnvironmentVariable("SCORECARD_FUZZ_REPORT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(
                file,
                $"{report.Summary()}\n{report.FailureKinds()}\n\n{string.Join("\n", report.Failures)}\n\nservice "
                    + $"errors:\n{string.Join("\n", log.Errors)}"
            );
        }

        Assert.That(report.Total, Is.EqualTo(count));
        Assert.That(
            report.Failures,
            Is.Empty,
            $"seed {seed}: {report.Failures.Count} failed checks:\n{report.FailureKinds()}\nfirst "
                + $"ones:\n{string.Join("\n", report.Failures.Take(15))}\n"
                + $"errors logged by the service:\n{string.Join("\n", log.Errors.Take(5))}"
        );
        Assert.That(
            report.Statuses.Keys,
            Does.Contain(413).And.Contain(414).And.Contain(431),
            "the generator reaches every server limit"
        );
    }

    [Test]
    public void Generate_WithTheSameSeed_GivesTheSameRequests()
    {
        var first = FuzzGenerator.Describe(new FuzzGenerator(7, routes, feeds).Generate(500));
        var second = FuzzGenerator.Describe(new FuzzGenerator(7, routes, feeds).Generate(500));

        Assert.That(second, Is.EqualTo(first));
    }

    private static async Task<string> CreateKeyAsync(HttpClient admin, string name, string role, string? unitCode)
    {
        var created = await (
            await admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name,
                    role,
                    unitCode,
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("key").GetString()!;
    }
}
