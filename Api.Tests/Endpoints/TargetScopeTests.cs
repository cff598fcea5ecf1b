using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// Admin keys limited to district P.A and to its commune P.A.1 writing targets. The province P set
/// P.A's own on-time target for 2025-H2 (80) and a general one for communes (70); the district P.A
/// set its commune P.A.1's (75).
/// </summary>
public sealed class TargetScopeTests : ApiFixture
{
    private HttpClient district = null!;
    private HttpClient commune = null!;

    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await PutAsync(
                Admin,
                Target("P.A", 80, "P"),
                Target("P", 70, "P") with
                {
                    AppliesToLevel = "commune",
                },
                Target("P.A.1", 75, "P.A")
            )
        ).EnsureSuccessStatusCode();
        district = Factory.ClientWithKey(await AdminKeyAsync("P.A"));
        commune = Factory.ClientWithKey(await AdminKeyAsync("P.A.1"));
    }

    [OneTimeTearDown]
    public void DisposeClients()
    {
        district.Dispose();
        commune.Dispose();
    }

    [Test]
    public async Task PutTargets_WhenADistrictKeySignsAsTheProvince_Is403AndKeepsTheProvincesTarget()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await PutAsync(district, Target("P.A", 60, "P")),
            HttpStatusCode.Forbidden
        );

        Assert.That(
            problem.GetProperty("detail").GetString(),
            Does.Contain("Target for 'P.A' (on-time, 2025-H2)")
                .And.Contain("assigned by 'P', a unit outside the subtree of 'P.A'")
        );
        Assert.That(problem.GetProperty("errors").GetProperty("targets").GetArrayLength(), Is.EqualTo(1));
        Assert.That(await StoredAsync("P.A"), Is.EqualTo((80m, "P")));
    }

    [TestCase(60)]
    [TestCase(95)]
    public async Task PutTargets_WhenADistrictKeyReplacesTheProvincesTargetAsItself_Is403AndKeepsIt(decimal target)
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await PutAsync(district, Target("P.A", target, "P.A")),
            HttpStatusCode.Forbidden
        );

        Assert.That(
            problem.GetProperty("detail").GetString(),
            Does.Contain("Target for 'P.A'")
                .And.Contain("the target 80 was set by 'P', above 'P.A', and may not be lowered or replaced")
        );
        Assert.That(await StoredAsync("P.A"), Is.EqualTo((80m, "P")));
    }

    [Test]
    public async Task PutTargets_WhenACommuneKeyReplacesItsDistrictsTarget_Is403AndKeepsIt()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await PutAsync(commune, Target("P.A.1", 90, "P.A.1")),
            HttpStatusCode.Forbidden
        );

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("set by 'P.A', above 'P.A.1'"));
        Assert.That(await StoredAsync("P.A.1"), Is.EqualTo((75m, "P.A")));
    }

    [Test]
    public async Task PutTargets_WhenOneTargetOfTheBatchIsRefused_StoresNoneAndNamesOnlyIt()
    {
        var response = await PutAsync(district, Target("P.A.2", 85, "P.A", "digitisation"), Target("P.A", 90, "P.A"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        var reasons = problem
            .GetProperty("errors")
            .GetProperty("targets")
            .EnumerateArray()
            .Select(r => r.GetString())
            .ToList();
        Assert.That(reasons, Has.Count.EqualTo(1).And.One.StartsWith("Target for 'P.A' (on-time, 2025-H2)"));
        var listed = await Admin.GetFromJsonAsync<JsonElement>("/api/targets?period=2025-H2&unitCode=P.A.2");
        Assert.That(
            listed.EnumerateArray().Select(t => t.GetProperty("indicator").GetString()),
            Has.No.Member("digitisation"),
            "nothing of a refused batch is stored"
        );
    }

    [Test]
    public async Task PutTargets_WhenADistrictKeyAssignsInsideItsSubtree_StoresAndMayChangeItsOwnTargets()
    {
        var created = await PutAsync(
            district,
            Target("P.A.2", 80, "P.A", "online-submission"),
            Target("P.A", 72, "P.A", "online-submission") with
            {
                AppliesToLevel = "commune",
            }
        );
        var updated = await PutAsync(district, Target("P.A.2", 85, "P.A", "online-submission"));

        Assert.That(await created.Content.ReadAsStringAsync(), Is.EqualTo("""{"created":2,"updated":0}"""));
        Assert.That(await updated.Content.ReadAsStringAsync(), Is.EqualTo("""{"created":0,"updated":1}"""));
        Assert.That(await StoredAsync("P.A.2", "online-submission"), Is.EqualTo((85m, "P.A")));
    }

    [Test]
    public async Task PutTargets_WhenADistrictKeyAssignsOutsideItsSubtree_Is403NamingTheUnit()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await PutAsync(district, Target("P.B", 80, "P.B")),
            HttpStatusCode.Forbidden
        );

        Assert.That(
            problem.GetProperty("detail").GetString(),
            Does.Contain("unit 'P.B' is outside the subtree of 'P.A'")
        );
    }

    [Test]
    public async Task PutTargets_WhenProvinceWide_ReplacesAnyTargetAsAnyUnit()
    {
        (await PutAsync(Admin, Target("P.B", 80, "P", "e-result"))).EnsureSuccessStatusCode();

        var response = await PutAsync(Admin, Target("P.B", 70, "P.B", "e-result"));

        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("""{"created":0,"updated":1}"""));
        Assert.That(await StoredAsync("P.B", "e-result"), Is.EqualTo((70m, "P.B")));
    }

    private static TargetBody Target(string unit, decimal target, string by, string indicator = "on-time") =>
        new(unit, indicator, "2025-H2", target, by, null);

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, params TargetBody[] targets) =>
        client.PutAsJsonAsync("/api/targets", targets);

    private async Task<(decimal Target, string? AssignedBy)> StoredAsync(string unit, string indicator = "on-time")
    {
        var listed = await Admin.GetFromJsonAsync<JsonElement>($"/api/targets?period=2025-H2&unitCode={unit}");
        var row = listed
            .EnumerateArray()
            .Single(t =>
                t.GetProperty("indicator").GetString() == indicator
                && t.GetProperty("appliesToLevel").ValueKind == JsonValueKind.Null
            );
        return (row.GetProperty("target").GetDecimal(), row.GetProperty("assignedBy").GetString());
    }

    private async Task<string> AdminKeyAsync(string unit)
    {
        var created = await (
            await Admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "admin of " + unit,
                    role = "admin",
                    unitCode = unit,
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        return created.GetProperty("key").GetString()!;
    }

    private sealed record TargetBody(
        string UnitCode,
        string Indicator,
        string Period,
        decimal Target,
        string AssignedBy,
        string? AppliesToLevel
    );
}
