using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

public sealed class KeyEndpointTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        var response = await Admin.PutAsync(
            "/api/units",
            ProblemAssert.Json(
                """
                [
                  {"code":"P","name":"Tỉnh","level":"province","kind":"locality"},
                  {"code":"P.A","name":"Huyện A","level":"district","kind":"locality","parentCode":"P"},
                  {"code":"P.A.1","name":"Xã A1","level":"commune","kind":"locality","parentCode":"P.A"},
                  {"code":"P.B","name":"Huyện B","level":"district","kind":"locality","parentCode":"P"}
                ]
                """
            )
        );
        response.EnsureSuccessStatusCode();
    }

    private async Task<(string Id, string Key)> CreateAsync(string role, string? unitCode = null)
    {
        var response = await Admin.PostAsJsonAsync(
            "/api/keys",
            new
            {
                name = $"{role} key",
                role,
                unitCode,
            }
        );
        Assert.That(
            response.StatusCode,
            Is.EqualTo(HttpStatusCode.Created),
            await response.Content.ReadAsStringAsync()
        );
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("id").GetString()!, created.GetProperty("key").GetString()!);
    }

    [Test]
    public async Task CreateKey_WhenValid_ReturnsPlaintextOnceAndStoresOnlyItsHash()
    {
        var (id, key) = await CreateAsync("analyst");

        var listed = await Admin.GetStringAsync("/api/keys");
        Assert.That(listed, Does.Contain(id).And.Not.Contain(key));
        await using var connection = await Factory.OpenDatabaseAsync();
        var stored = await connection.QuerySingleAsync<string>(
            "SELECT key_hash FROM api_keys WHERE id = @id",
            new { id }
        );
        Assert.That(stored, Is.Not.EqualTo(key).And.Length.EqualTo(64));
    }

    [Test]
    public async Task AnalystKey_WhenReading_Is200AndWhenWriting_Is403()
    {
        var (_, key) = await CreateAsync("analyst");
        using var analyst = Factory.ClientWithKey(key);

        Assert.That((await analyst.GetAsync("/api/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var put = await analyst.PutAsync("/api/procedures", ProblemAssert.Json("[]"));
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden);
        await ProblemAssert.IsProblemAsync(await analyst.GetAsync("/api/keys"), HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task ScopedKey_WhenReadingUnits_SeesOnlyItsSubtree()
    {
        var (_, key) = await CreateAsync("integrator", "P.A");
        using var scoped = Factory.ClientWithKey(key);

        var units = await scoped.GetFromJsonAsync<JsonElement>("/api/units");

        Assert.That(
            units.EnumerateArray().Select(u => u.GetProperty("code").GetString()),
            Is.EqualTo(new[] { "P.A", "P.A.1" })
        );
        Assert.That((await scoped.GetAsync("/api/units/P.A.1")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var outside = await ProblemAssert.IsProblemAsync(
            await scoped.GetAsync("/api/units/P.B"),
            HttpStatusCode.Forbidden
        );
        Assert.That(outside.GetProperty("detail").GetString(), Does.Contain("'P.B'"));
    }

    [Test]
    public async Task RevokedKey_WhenUsed_Is401()
    {
        var (id, key) = await CreateAsync("analyst");
        using var client = Factory.ClientWithKey(key);
        Assert.That((await client.GetAsync("/api/units")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That((await Admin.DeleteAsync($"/api/keys/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await ProblemAssert.IsProblemAsync(await client.GetAsync("/api/units"), HttpStatusCode.Unauthorized);
        await ProblemAssert.IsProblemAsync(await Admin.DeleteAsync($"/api/keys/{id}"), HttpStatusCode.NotFound);
    }

    [Test]
    public async Task CreateKey_WhenUnitUnknown_Is400()
    {
        var response = await Admin.PostAsJsonAsync(
            "/api/keys",
            new
            {
                name = "x",
                role = "analyst",
                unitCode = "NOPE",
            }
        );

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'NOPE'"));
    }

    [TestCase("""{"name":"x","role":"root"}""", "Role")]
    [TestCase("""{"role":"admin"}""", "Name")]
    public async Task CreateKey_WhenBodyInvalid_Is400NamingTheField(string body, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PostAsync("/api/keys", ProblemAssert.Json(body)),
            HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task ScopedAdmin_WhenCreatingKeyOutsideItsSubtree_Is403()
    {
        var (_, key) = await CreateAsync("admin", "P.A");
        using var scopedAdmin = Factory.ClientWithKey(key);

        var outside = await scopedAdmin.PostAsJsonAsync(
            "/api/keys",
            new
            {
                name = "x",
                role = "analyst",
                unitCode = "P.B",
            }
        );
        var inside = await scopedAdmin.PostAsJsonAsync("/api/keys", new { name = "x", role = "analyst" });

        await ProblemAssert.IsProblemAsync(outside, HttpStatusCode.Forbidden);
        Assert.That(inside.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(
            (await inside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unitCode").GetString(),
            Is.EqualTo("P.A")
        );
    }
}
