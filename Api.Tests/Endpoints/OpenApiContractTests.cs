using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// openapi.yaml at the repository root is the committed contract. Regenerate it after changing
/// routes with: <c>UPDATE_OPENAPI=1 dotnet test --filter OpenApiContractTests</c>.
/// </summary>
public sealed class OpenApiContractTests
{
    [Test]
    public async Task ServedDocument_Always_EqualsCommittedOpenApiYaml()
    {
        using var factory = new ScorecardFactory();
        using var client = factory.CreateClient();
        var served = (await client.GetStringAsync("/openapi/v1.yaml")).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var path = Path.Combine(RepositoryRoot.Path, "openapi.yaml");

        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(path, served);
        }

        Assert.That(
            File.Exists(path),
            Is.True,
            "openapi.yaml is missing; run UPDATE_OPENAPI=1 dotnet test --filter OpenApiContractTests"
        );
        var committed = (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n");
        Assert.That(
            served,
            Is.EqualTo(committed),
            "openapi.yaml differs from what the API serves; run "
                + "UPDATE_OPENAPI=1 dotnet test --filter OpenApiContractTests"
        );
    }
}
