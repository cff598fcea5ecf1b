using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// The feeds as a typed client sees them: odata2ts, an independent generator from npm, writes a client from the
/// served <c>$metadata</c>, and a small script (GeneratedClient/walk.js) reads through it over real HTTP a unit by its
/// key, filtered dossiers, a dossier with its unit expanded and every page of the dossiers, following the next links;
/// what it read must be what the service answers itself. The generator and its runtime are installed once into a
/// folder under the system temp dir named by their versions; without npm or node, or without a registry, the test is
/// skipped with the reason.
/// </summary>
public sealed class GeneratedClientTests
{
    private const string GeneratorVersion = "0.34.0";

    /// <summary>The generator, the runtime its output requires (the versions its peer dependencies name) and the
    /// TypeScript compiler it emits JavaScript with (its 5.x line: later ones have no compiler API in
    /// JavaScript).</summary>
    private static readonly string[] Packages =
    [
        "@odata2ts/odata2ts@" + GeneratorVersion,
        "@odata2ts/odata-service@0.18.1",
        "@odata2ts/odata-query-objects@0.21.0",
        "@odata2ts/http-client-fetch@0.6.2",
        "typescript@5.9.3",
    ];

    private const int PageSize = 50;
    private const string Skipped = "no client was generated";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(1);

    private ScorecardFactory factory = null!;
    private HttpClient admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory();
        factory.UseKestrel(0);
        factory.StartServer();
        admin = factory.AdminClient();
        await FeedDataset.SeedAsync(admin);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        admin.Dispose();
        factory.Dispose();
    }

    [Test]
    public async Task GeneratedClient_FromTheServedMetadata_ReadsKeysFiltersExpansionsAndEveryPage()
    {
        var cache = await InstalledGeneratorAsync();
        var run = Path.Combine(cache, "run-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(run);
        JsonElement read;
        try
        {
            await File.WriteAllTextAsync(
                Path.Combine(run, "metadata.xml"),
                await admin.GetStringAsync(new Uri("/odata/$metadata", UriKind.Relative))
            );
            var generate = await RunAsync(
                "node",
                [
                    Path.Combine(cache, "node_modules", "@odata2ts", "odata2ts", "lib", "run-cli.js"),
                    "--source",
                    Path.Combine(run, "metadata.xml"),
                    "--output",
                    run,
                    "--mode",
                    "service",
                    "--emit-mode",
                    "js",
                    "--service-name",
                    "Scorecard",
                ],
                cache,
                RunTimeout
            );
            Assert.That(generate.Exit, Is.Zero, "odata2ts failed:\n" + generate.Output);
            File.Copy(
                Path.Combine(RepositoryRoot.Path, "Api.Tests", "Endpoints", "OData", "GeneratedClient", "walk.js"),
                Path.Combine(run, "walk.js")
            );
            var root = new Uri(factory.ClientOptions.BaseAddress, "odata").ToString();
            var walk = await RunAsync(
                "node",
                [
                    Path.Combine(run, "walk.js"),
                    root,
                    ScorecardFactory.AdminKey,
                    PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ],
                run,
                RunTimeout
            );
            Assert.That(walk.Exit, Is.Zero, "the generated client failed:\n" + walk.Output);
            read = JsonDocument.Parse(walk.Output).RootElement.Clone();
        }
        finally
        {
            Directory.Delete(run, recursive: true);
        }

        var unit = await ODataFeed.GetAsync(admin, "/odata/Units('P.A')");
        foreach (var property in unit.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
        {
            Assert.That(
                read.GetProperty("unit").GetProperty(property.Name).ToString(),
                Is.EqualTo(property.Value.ToString()),
                property.Name
            );
        }

        var filtered = await ODataFeed.GetAsync(
            admin,
            "/odata/Dossiers?$filter=UnitCode eq 'P.B.1' and startswith(Code,'D')&$orderby=Code"
        );
        Assert.That(
            read.GetProperty("filtered").EnumerateArray().Select(c => c.GetString()),
            Is.EqualTo(ODataFeed.Codes(filtered.GetProperty("value").EnumerateArray()))
                .And.EqualTo(new[] { "D4", "D5" })
        );

        var expanded = read.GetProperty("expanded").EnumerateArray().Single();
        Assert.That(expanded.GetProperty("Code").GetString(), Is.EqualTo("D6"));
        Assert.That(expanded.GetProperty("Unit").GetProperty("Name").GetString(), Is.EqualTo("Huyện B"));
        Assert.That(expanded.GetProperty("Unit").GetProperty("Level").GetString(), Is.EqualTo("district"));

        var (all, _) = await ODataFeed.AllAsync(admin, "/odata/Dossiers?$select=Code&$orderby=ReceivedAt desc");
        var walked = read.GetProperty("walked").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.That(walked, Is.EqualTo(ODataFeed.Codes(all)));
        Assert.That(walked, Has.Count.EqualTo(FeedDataset.Total).And.Unique);
        Assert.That(
            read.GetProperty("pages").GetInt32(),
            Is.EqualTo((FeedDataset.Total + PageSize - 1) / PageSize),
            "the walk followed a next link for each page"
        );
    }

    /// <summary>The folder the pinned generator and runtime are installed in, installing them first when the cache
    /// lacks them.</summary>
    private static Task<string> InstalledGeneratorAsync() =>
        NpmTools.InstalledAsync(
            "scorecard-odata2ts-" + GeneratorVersion,
            Packages,
            "tsconfig.json",
            Skipped,
            // The generator compiles with the settings of the tsconfig.json in its working folder.
            staging =>
                File.WriteAllTextAsync(
                    Path.Combine(staging, "tsconfig.json"),
                    """{ "compilerOptions": { "target": "ES2020", "module": "commonjs", "esModuleInterop": true } }"""
                )
        );

    private static async Task<(int Exit, string Output)> RunAsync(
        string file,
        IReadOnlyList<string> arguments,
        string directory,
        TimeSpan timeout
    )
    {
        var (exit, output, errors) = await NpmTools.RunAsync(file, arguments, directory, timeout, Skipped);
        return (exit, exit == 0 && file == "node" ? output : output + errors);
    }
}
