using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.OpenApi;

/// <summary>
/// Every operation the API serves is described for a reader who has only the contract: an operationId, a
/// description, described parameters, a documented 400 (problem details), and 401 wherever a key is needed.
/// A new route that is not (a parameter name <c>ParameterDescriptions</c> does not know, say) fails here.
/// </summary>
public sealed class OpenApiCompletenessTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    [Test]
    public async Task ServedDocument_EveryOperation_IsDescribedWithItsProblems()
    {
        using var factory = new ScorecardFactory();
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var gaps = new List<string>();

        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                gaps.AddRange(Gaps(path.Name, operation.Value).Select(g => $"{operation.Name} {path.Name}: {g}"));
            }
        }

        Assert.That(gaps, Is.Empty, string.Join("\n", gaps));
    }

    [Test]
    public async Task ServedDocument_EveryPublicRead_ShowsAnExampleAnswer()
    {
        using var factory = new ScorecardFactory();
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        var missing = Scorecard
            .Api.Auth.PublicRead.Routes.Where(route =>
                !paths
                    .GetProperty(route)
                    .GetProperty("get")
                    .GetProperty("responses")
                    .GetProperty("200")
                    .GetProperty("content")
                    .GetProperty("application/json")
                    .TryGetProperty("example", out _)
            )
            .ToList();

        Assert.That(missing, Is.Empty, "public reads without an example answer (.WithExample where mapped)");
    }

    [Test]
    public async Task ServedDocument_LabelledReads_DescribeAcceptLanguage()
    {
        using var factory = new ScorecardFactory();
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var route in new[] { "/api/labels", "/api/indicators", "/api/scorecards/{unitCode}", "/api/map" })
        {
            var parameter = paths
                .GetProperty(route)
                .GetProperty("get")
                .GetProperty("parameters")
                .EnumerateArray()
                .SingleOrDefault(p => p.GetProperty("name").GetString() == "Accept-Language");
            Assert.That(parameter.ValueKind, Is.EqualTo(JsonValueKind.Object), route);
            Assert.That(parameter.GetProperty("in").GetString(), Is.EqualTo("header"), route);
        }
    }

    [Test]
    public async Task ServedDocument_Security_IsTheKeyHeaderOrBasicNotBoth()
    {
        using var factory = new ScorecardFactory();
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var map = document.RootElement.GetProperty("paths").GetProperty("/api/map").GetProperty("get");
        var alternatives = map.GetProperty("security")
            .EnumerateArray()
            .Select(r => string.Join("+", r.EnumerateObject().Select(p => p.Name)))
            .ToList();

        Assert.That(alternatives, Is.EqualTo(new[] { "ApiKey", "Basic" }));
        Assert.That(document.RootElement.TryGetProperty("security", out _), Is.False);
        Assert.That(document.RootElement.GetProperty("servers").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task ServedDocument_Always_ListsHealthRoutesAndNoFrameworkSchemas()
    {
        using var factory = new ScorecardFactory();
        using var client = factory.CreateClient();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        var schemas = document
            .RootElement.GetProperty("components")
            .GetProperty("schemas")
            .EnumerateObject()
            .Select(s => s.Name);

        Assert.That(paths.TryGetProperty("/health/live", out _), Is.True);
        Assert.That(paths.TryGetProperty("/health/ready", out _), Is.True);
        Assert.That(schemas, Has.None.StartsWith("IEdm").And.None.StartsWith("Edm").And.None.StartsWith("OData"));
    }

    private static IEnumerable<string> Gaps(string path, JsonElement operation)
    {
        if (!operation.TryGetProperty("operationId", out _))
        {
            yield return "no operationId";
        }

        if (
            !operation.TryGetProperty("description", out var description)
            || description.GetString() is not { Length: > 0 }
        )
        {
            yield return "no description";
        }

        foreach (var parameter in operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default)
        {
            if (!parameter.TryGetProperty("description", out _))
            {
                yield return $"parameter '{parameter.GetProperty("name").GetString()}' has no description";
            }
        }

        var responses = operation.GetProperty("responses");
        var needsKey = operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
        // The health routes read no input, so they have nothing to refuse.
        if (!path.StartsWith("/health/", StringComparison.Ordinal) && !responses.TryGetProperty("400", out _))
        {
            yield return "no 400";
        }

        if (needsKey && !responses.TryGetProperty("401", out _))
        {
            yield return "needs a key but documents no 401";
        }

        if (!operation.TryGetProperty("security", out _))
        {
            yield return "no security (an empty list where no key is needed)";
        }
    }
}
