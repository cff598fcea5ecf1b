using System.ComponentModel;
using System.Diagnostics;
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
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
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
    private static async Task<string> InstalledGeneratorAsync()
    {
        var cache = Path.Combine(Path.GetTempPath(), "scorecard-odata2ts-" + GeneratorVersion);
        var marker = Path.Combine(cache, "tsconfig.json");
        if (File.Exists(marker))
        {
            return cache;
        }

        // Installed beside the cache and moved in whole, so a run cut short never leaves half an install behind.
        var staging = cache + "." + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        (int Exit, string Output) install;
        try
        {
            install = await RunAsync(
                "npm",
                ["install", "--prefix", staging, "--no-audit", "--no-fund", "--no-save", .. Packages],
                staging,
                InstallTimeout
            );
        }
        catch (Win32Exception e)
        {
            Directory.Delete(staging, recursive: true);
            Assert.Ignore($"npm is not on PATH ({e.Message}); no client was generated.");
            throw;
        }

        if (install.Exit != 0)
        {
            Directory.Delete(staging, recursive: true);
            Assert.Ignore(
                $"odata2ts {GeneratorVersion} could not be installed; no client was generated:\n" + install.Output
            );
        }

        // The generator compiles with the settings of the tsconfig.json in its working folder.
        await File.WriteAllTextAsync(
            Path.Combine(staging, "tsconfig.json"),
            """{ "compilerOptions": { "target": "ES2020", "module": "commonjs", "esModuleInterop": true } }"""
        );
        try
        {
            Directory.Move(staging, cache);
        }
        catch (IOException) when (File.Exists(marker))
        {
            // Another test run installed it meanwhile.
            Directory.Delete(staging, recursive: true);
        }

        return cache;
    }

    private static async Task<(int Exit, string Output)> RunAsync(
        string file,
        IReadOnlyList<string> arguments,
        string directory,
        TimeSpan timeout
    )
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_COLOR"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e) when (file == "node")
        {
            Assert.Ignore($"node is not on PATH ({e.Message}); no client was generated.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{file} {string.Join(' ', arguments)} did not finish within {timeout}.");
            }

            var output = await stdout;
            var errors = await stderr;
            return (process.ExitCode, process.ExitCode == 0 && file == "node" ? output : output + errors);
        }
    }
}
