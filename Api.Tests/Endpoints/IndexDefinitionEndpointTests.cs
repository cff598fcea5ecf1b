using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

public sealed class IndexDefinitionEndpointTests : ApiFixture
{
    protected override Task SeedAsync() => TestProvince.SeedAsync(Admin);

    [Test]
    public async Task Get_WithNoneStored_IsTheNationalDefault()
    {
        var definitions = await Admin.GetFromJsonAsync<JsonElement>("/api/index-definition");

        var only = definitions.EnumerateArray().Single();
        Assert.That(only.GetProperty("validFrom").GetString(), Is.EqualTo("2022-07-01"));
        Assert.That(only.GetProperty("maxPoints").GetDecimal(), Is.EqualTo(100m));
    }

    [Test]
    public async Task Put_ADatedDefinition_AppliesFromItsDate()
    {
        (
            await Admin.PutAsync(
                "/api/index-definition",
                ProblemAssert.Json(
                    """
                    {"validFrom":"2026-01-01","groups":[{"code":"progress","name":"Tiến độ","subIndicators":[
                      {"code":"2.1","name":"Đúng hạn","indicator":"on-time","maxPoints":100,"threshold":100}]}]}
                    """
                )
            )
        ).EnsureSuccessStatusCode();

        var in2026 = await Admin.GetFromJsonAsync<JsonElement>("/api/index/P?period=2026-03");
        var in2025 = await Admin.GetFromJsonAsync<JsonElement>("/api/index/P?period=2025-03");
        Assert.That(in2026.GetProperty("maxPoints").GetDecimal(), Is.EqualTo(100m));
        Assert.That(in2026.GetProperty("groups").GetArrayLength(), Is.EqualTo(1));
        Assert.That(in2025.GetProperty("groups").GetArrayLength(), Is.EqualTo(6), "the default before 2026");
        var audit = await Admin.GetFromJsonAsync<JsonElement>("/api/audit?entity=index-definition");
        Assert.That(audit.ToString(), Does.Contain("2026-01-01"));
    }

    [Test]
    public async Task Put_WithProblems_IsA400NamingEach()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync(
                "/api/index-definition",
                ProblemAssert.Json(
                    """
                    {"validFrom":"2026-01-01","groups":[{"code":"g","name":"G","subIndicators":[
                      {"code":"x","name":"X","indicator":"nope","maxPoints":0,"threshold":120}]}]}
                    """
                )
            ),
            HttpStatusCode.BadRequest
        );

        var text = problem.ToString();
        Assert.That(text, Does.Contain("indicator 'nope' does not exist"));
        Assert.That(text, Does.Contain("maxPoints must be above 0"));
        Assert.That(text, Does.Contain("threshold must be above 0 and at most 100"));
    }
}
