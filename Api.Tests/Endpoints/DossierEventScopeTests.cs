using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

public sealed class DossierEventScopeTests : ApiFixture
{
    private HttpClient integratorA = null!;

    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        var created = await (
            await Admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "A",
                    role = "integrator",
                    unitCode = "P.A",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        integratorA = Factory.ClientWithKey(created.GetProperty("key").GetString());
        (
            await TestProvince.PostAsync(
                Admin,
                new
                {
                    id = "b-1",
                    dossierCode = "B-1",
                    type = "received",
                    at = "2025-03-03T08:00:00+07:00",
                    procedureCode = "1.000002",
                    unitCode = "P.B",
                    channel = "direct",
                }
            )
        ).EnsureSuccessStatusCode();
    }

    [OneTimeTearDown]
    public void Stop()
    {
        integratorA.Dispose();
    }

    [Test]
    public async Task Post_WhenIntegratorSendsForAUnitOutsideItsSubtree_Is403NamingTheUnitAndStoresNothing()
    {
        var response = await TestProvince.PostAsync(
            integratorA,
            new
            {
                id = "a-1",
                dossierCode = "A-1",
                type = "received",
                at = "2025-03-03T08:00:00+07:00",
                procedureCode = "1.000001",
                unitCode = "P.A.1",
                channel = "online",
            },
            new
            {
                id = "x-1",
                dossierCode = "X-1",
                type = "received",
                at = "2025-03-03T08:00:00+07:00",
                procedureCode = "1.000002",
                unitCode = "P.B",
                channel = "online",
            }
        );

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'P.B'"));
        Assert.That((await Admin.GetAsync("/api/dossiers/A-1/events")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Post_WhenIntegratorSendsAnEventUnderAnotherSourcesCode_LeavesThatDossierAlone()
    {
        var result = await (
            await TestProvince.PostAsync(
                integratorA,
                new
                {
                    id = "b-2",
                    dossierCode = "B-1",
                    type = "resolved",
                    at = "2025-03-04T08:00:00+07:00",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        var dossier = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/B-1?source=bootstrap");

        Assert.That(
            result.GetProperty("accepted").GetInt32(),
            Is.EqualTo(1),
            "kept under integrator A's own code B-1, waiting for its received"
        );
        Assert.That(dossier.GetProperty("status").GetString(), Is.EqualTo("received"));
    }

    [Test]
    public async Task GetDossier_WhenOutsideTheKeysSubtree_Is404AsIfItDidNotExist()
    {
        foreach (var path in new[] { "", "/events" })
        {
            var hidden = await ProblemAssert.IsProblemAsync(
                await integratorA.GetAsync($"/api/dossiers/B-1{path}"),
                HttpStatusCode.NotFound
            );
            var missing = await ProblemAssert.IsProblemAsync(
                await integratorA.GetAsync($"/api/dossiers/B-404{path}"),
                HttpStatusCode.NotFound
            );

            Assert.That(
                hidden.GetProperty("detail").GetString(),
                Is.EqualTo(missing.GetProperty("detail").GetString()!.Replace("B-404", "B-1", StringComparison.Ordinal))
            );
            Assert.That(hidden.GetProperty("detail").GetString(), Does.Not.Contain("P.B"));
        }
    }

    [Test]
    public async Task Post_WhenAnalyst_Is403()
    {
        var created = await (
            await Admin.PostAsJsonAsync("/api/keys", new { name = "an", role = "analyst" })
        ).Content.ReadFromJsonAsync<JsonElement>();
        using var analyst = Factory.ClientWithKey(created.GetProperty("key").GetString());

        await ProblemAssert.IsProblemAsync(
            await TestProvince.PostAsync(analyst, new { id = "z" }),
            HttpStatusCode.Forbidden
        );
    }
}
