using System.ComponentModel;
using System.Diagnostics;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.OpenApi;

/// <summary>
/// openapi.yaml passes an independent linter, Redocly's CLI from npm, with its recommended rules (redocly.yaml)
/// and no errors. The CLI is installed once into a folder under the system temp dir, named by its version, and
/// reused; without npm, or without a registry to install from, the test is skipped with the reason.
/// </summary>
public sealed class OpenApiLintTests
{
    private const string RedoclyVersion = "2.11.1";
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);

    [Test]
    public async Task OpenApiYaml_WhenLintedByRedocly_HasNoErrors()
    {
        var cli = await InstalledCliAsync();
        var root = RepositoryRoot.Path;
        (int Exit, string Output) lint = default;
        try
        {
            lint = await RunAsync(
                "node",
                [cli, "lint", Path.Combine(root, "openapi.yaml"), "--config", Path.Combine(root, "redocly.yaml")],
                root,
                LintTimeout
            );
        }
        catch (Win32Exception e)
        {
            Assert.Ignore($"node is not on PATH ({e.Message}); openapi.yaml was not linted.");
        }

        var (exit, output) = lint;

        Assert.That(exit, Is.Zero, "redocly lint reported errors:\n" + output);
    }

    /// <summary>The CLI's entry script, installing the pinned version first when the cache lacks it.</summary>
    private static async Task<string> InstalledCliAsync()
    {
        var cache = Path.Combine(Path.GetTempPath(), "scorecard-redocly-cli-" + RedoclyVersion);
        var cli = Path.Combine(cache, "node_modules", "@redocly", "cli", "bin", "cli.js");
        if (File.Exists(cli))
        {
            return cli;
        }

        // Installed beside the cache and moved in whole, so a run cut short never leaves half a CLI behind.
        var staging = cache + "." + Guid.NewGuid().ToString("N");
        Directory.CreateDirectory(staging);
        (int Exit, string Output) install;
        try
        {
            install = await RunAsync(
                "npm",
                [
                    "install",
                    "--prefix",
                    staging,
                    "--no-audit",
                    "--no-fund",
                    "--no-save",
                    "@redocly/cli@" + RedoclyVersion,
                ],
                staging,
                InstallTimeout
            );
        }
        catch (Win32Exception e)
        {
            Directory.Delete(staging, recursive: true);
            Assert.Ignore($"npm is not on PATH ({e.Message}); openapi.yaml was not linted.");
            throw;
        }

        if (install.Exit != 0)
        {
            Directory.Delete(staging, recursive: true);
            Assert.Ignore(
                $"@redocly/cli@{RedoclyVersion} could not be installed; openapi.yaml was not linted:\n" + install.Output
            );
        }

        try
        {
            Directory.Move(staging, cache);
        }
        catch (IOException) when (File.Exists(cli))
        {
            // Another test run installed it meanwhile.
            Directory.Delete(staging, recursive: true);
        }

        return cli;
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

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
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
            Assert.Ignore($"{file} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
