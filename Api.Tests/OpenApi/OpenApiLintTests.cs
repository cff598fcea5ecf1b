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
    private const string Skipped = "openapi.yaml was not linted";
    private static readonly TimeSpan LintTimeout = TimeSpan.FromMinutes(2);

    [Test]
    public async Task OpenApiYaml_WhenLintedByRedocly_HasNoErrors()
    {
        var cli = Path.Combine("node_modules", "@redocly", "cli", "bin", "cli.js");
        var cache = await NpmTools.InstalledAsync(
            "scorecard-redocly-cli-" + RedoclyVersion,
            ["@redocly/cli@" + RedoclyVersion],
            cli,
            Skipped
        );
        var root = RepositoryRoot.Path;

        var (exit, output, errors) = await NpmTools.RunAsync(
            "node",
            [
                Path.Combine(cache, cli),
                "lint",
                Path.Combine(root, "openapi.yaml"),
                "--config",
                Path.Combine(root, "redocly.yaml"),
            ],
            root,
            LintTimeout,
            Skipped,
            new Dictionary<string, string>
            {
                ["REDOCLY_TELEMETRY"] = "off",
                ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true",
            }
        );

        Assert.That(exit, Is.Zero, "redocly lint reported errors:\n" + output + errors);
    }
}
