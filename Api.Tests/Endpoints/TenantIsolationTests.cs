using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// One integrator cannot touch another's dossiers: ids and codes are each source's own, and events sent
/// before a dossier's received act on it only when their key's scope holds the receiving unit.
/// </summary>
public sealed class TenantIsolationTests : ApiFixture
{
    private const string At = "2025-03-03T08:00:00+07:00";

    private HttpClient districtA = null!;
    private HttpClient districtB = null!;
    private HttpClient sameSourceInB = null!;
    private string sourceA = "";

    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (districtA, sourceA) = await KeyAsync("integrator", "P.A");
        (districtB, _) = await KeyAsync("integrator", "P.B");
        (sameSourceInB, var shared) = await KeyAsync("integrator", "P.B", sourceA);
        Assert.That(shared, Is.EqualTo(sourceA), "a key created with another key's source keeps it");
    }

    [OneTimeTearDown]
    public void Stop()
    {
        districtA.Dispose();
        districtB.Dispose();
        sameSourceInB.Dispose();
    }

    [Test]
    public async Task EarlyEvents_FromAKeyOfTheSameSourceOutsideTheReceivingUnit_AreKeptButNotApplied()
    {
        var early = await PostAsync(
            districtA,
            new
            {
                id = "t1-due",
                dossierCode = "T1",
                type = "due-changed",
                reason = "correction",
                at = "2025-03-03T09:00:00+07:00",
                dueAt = "2025-03-03T10:00:00+07:00",
            },
            new
            {
                id = "t1-paid",
                dossierCode = "T1",
                type = "paid",
                at = "2025-03-03T09:00:00+07:00",
                method = "online",
                amount = 999_999_999,
            }
        );
        var received = await PostAsync(sameSourceInB, Received("t1-r", "T1", "P.B.1", "1.000002"));

        var dossier = await sameSourceInB.GetFromJsonAsync<JsonElement>("/api/dossiers/T1");
        var seenByAdmin = await Admin.GetFromJsonAsync<JsonElement>($"/api/dossiers/T1/events?source={sourceA}");
        var seenByIntegrator = await sameSourceInB.GetFromJsonAsync<JsonElement>("/api/dossiers/T1/events");

        Assert.That((Accepted(early), Accepted(received)), Is.EqualTo((2, 1)));
        Assert.That(dossier.GetProperty("amountPaid").GetInt64(), Is.Zero);
        Assert.That(dossier.GetProperty("paidOnline").GetBoolean(), Is.False);
        Assert.That(
            dossier.GetProperty("dueAt").GetDateTimeOffset(),
            Is.Not.EqualTo(
                DateTimeOffset.Parse("2025-03-03T10:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture)
            )
        );
        Assert.That(
            seenByAdmin
                .EnumerateArray()
                .Select(e => (e.GetProperty("id").GetString(), e.GetProperty("applied").GetBoolean())),
            Is.EquivalentTo(new[] { ("t1-due", false), ("t1-paid", false), ("t1-r", true) })
        );
        Assert.That(
            seenByAdmin
                .EnumerateArray()
                .First(e => !e.GetProperty("applied").GetBoolean())
                .GetProperty("notAppliedReason")
                .GetString(),
            Does.Contain("'P.A'")
        );
        Assert.That(
            seenByIntegrator.EnumerateArray().Select(e => e.GetProperty("id").GetString()),
            Is.EqualTo(new[] { "t1-r" })
        );
    }

    [Test]
    public async Task EarlyEvents_FromAnotherSource_NeverReachItsDossier()
    {
        await PostAsync(
            districtA,
            new
            {
                id = "t2-paid",
                dossierCode = "T2",
                type = "paid",
                at = "2025-03-03T09:00:00+07:00",
                method = "online",
                amount = 999_999_999,
            }
        );
        var received = await PostAsync(districtB, Received("t2-r", "T2", "P.B.1", "1.000002"));

        var dossier = await districtB.GetFromJsonAsync<JsonElement>("/api/dossiers/T2");
        var feed = await Admin.GetFromJsonAsync<JsonElement>(
            "/odata/Dossiers?$filter=Code eq 'T2'&$select=Source,Code,AmountPaid"
        );

        Assert.That(Accepted(received), Is.EqualTo(1));
        Assert.That(dossier.GetProperty("amountPaid").GetInt64(), Is.Zero);
        Assert.That(
            feed.GetProperty("value").GetArrayLength(),
            Is.EqualTo(1),
            "A's paid waits under A's own code T2, which has no received"
        );
    }

    [Test]
    public async Task EventId_UsedByAnotherSource_IsAnEventOfItsOwnNotADuplicate()
    {
        var first = await PostAsync(
            districtA,
            Received("shared-1", "T3A", "P.A.1", "1.000001"),
            Received("shared-2", "T3A2", "P.A.1", "1.000001")
        );
        var second = await PostAsync(
            districtB,
            Received("shared-1", "T3B", "P.B.1", "1.000002"),
            Received("shared-2", "T3B2", "P.B.1", "1.000002")
        );

        Assert.That((Accepted(first), Accepted(second)), Is.EqualTo((2, 2)));
        Assert.That(second.GetProperty("duplicates").GetInt32(), Is.Zero);
        Assert.That((await districtB.GetAsync("/api/dossiers/T3B")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task EventId_ReusedBySameSource_IsADuplicateWhenEqualAndAConflictWhenNot()
    {
        await PostAsync(districtA, Received("t4-r", "T4", "P.A.1", "1.000001"));

        var again = await PostAsync(districtA, Received("t4-r", "T4", "P.A.1", "1.000001"));
        var otherBody = await PostAsync(districtA, Received("t4-r", "T4", "P.A.2", "1.000001"));
        var otherDossier = await PostAsync(sameSourceInB, Received("t4-r", "T4-B", "P.B.1", "1.000002"));

        Assert.That((Accepted(again), again.GetProperty("duplicates").GetInt32()), Is.EqualTo((0, 1)));
        foreach (var conflict in new[] { otherBody, otherDossier })
        {
            Assert.That((Accepted(conflict), conflict.GetProperty("duplicates").GetInt32()), Is.EqualTo((0, 0)));
            var error = conflict.GetProperty("rejected")[0].GetProperty("errors")[0];
            Assert.That(error.GetProperty("field").GetString(), Is.EqualTo("id"));
            Assert.That(error.GetProperty("message").GetString(), Does.Contain("other content"));
        }
    }

    [Test]
    public async Task Code_ClaimedFirstByAnotherSource_DoesNotLockOutItsOwner()
    {
        var claim = await PostAsync(districtA, Received("t5-claim", "20233-T5", "P.A.1", "1.000001"));
        var owner = await PostAsync(districtB, Received("t5-r", "20233-T5", "P.B.1", "1.000002"));

        var byOwner = await districtB.GetFromJsonAsync<JsonElement>("/api/dossiers/20233-T5");
        var ambiguous = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync("/api/dossiers/20233-T5"),
            HttpStatusCode.Conflict
        );

        Assert.That((Accepted(claim), Accepted(owner)), Is.EqualTo((1, 1)));
        Assert.That(owner.GetProperty("rejected").GetArrayLength(), Is.Zero);
        Assert.That(byOwner.GetProperty("unitCode").GetString(), Is.EqualTo("P.B.1"));
        Assert.That(ambiguous.GetProperty("detail").GetString(), Does.Contain("?source="));
    }

    [Test]
    public async Task SecondReceived_OfTheSameSource_NamesOnlyThatSourcesOwnEvent()
    {
        await PostAsync(districtB, Received("t6-r", "T6", "P.B.1", "1.000002"));

        var fromA = await PostAsync(districtA, Received("t6-a", "T6", "P.A.1", "1.000001"));
        var fromB = await PostAsync(districtB, Received("t6-b", "T6", "P.B.1", "1.000002"));

        Assert.That(Accepted(fromA), Is.EqualTo(1), "another source's T6 is another dossier");
        Assert.That(
            fromB.GetProperty("rejected")[0].GetProperty("errors")[0].GetProperty("message").GetString(),
            Does.Contain("'t6-r'")
        );
        Assert.That(fromA.ToString(), Does.Not.Contain("t6-r"));
    }

    [Test]
    public async Task Post_WithSource_ActsForThatSourceOnlyWithAProvinceWideAdminKey()
    {
        await PostAsync(districtA, Received("t7-r", "T7", "P.A.1", "1.000001"));

        using var asAdmin = await Admin.PostAsJsonAsync(
            $"/api/dossier-events?source={sourceA}",
            new
            {
                events = new[]
                {
                    new
                    {
                        id = "t7-x",
                        dossierCode = "T7",
                        type = "withdrawn",
                        at = "2025-03-04T08:00:00+07:00",
                    },
                },
            }
        );
        using var asIntegrator = await districtB.PostAsJsonAsync(
            $"/api/dossier-events?source={sourceA}",
            new
            {
                events = new[]
                {
                    new
                    {
                        id = "t7-y",
                        dossierCode = "T7",
                        type = "resolved",
                        at = "2025-03-04T08:00:00+07:00",
                    },
                },
            }
        );
        var dossier = await districtA.GetFromJsonAsync<JsonElement>("/api/dossiers/T7");

        Assert.That(asAdmin.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await ProblemAssert.IsProblemAsync(asIntegrator, HttpStatusCode.Forbidden);
        Assert.That(dossier.GetProperty("status").GetString(), Is.EqualTo("withdrawn"));
    }

    [Test]
    public async Task CreateKey_WhenAScopedAdminNamesASourceOutsideItsSubtree_Is403()
    {
        var (scopedAdmin, _) = await KeyAsync("admin", "P.B");
        using (scopedAdmin)
        {
            using var outside = await scopedAdmin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "x",
                    role = "integrator",
                    unitCode = "P.B.1",
                    source = sourceA,
                }
            );
            using var unknown = await scopedAdmin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "y",
                    role = "integrator",
                    unitCode = "P.B.1",
                    source = "bootstrap",
                }
            );

            await ProblemAssert.IsProblemAsync(outside, HttpStatusCode.Forbidden);
            await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.Forbidden);
        }
    }

    private async Task<(HttpClient Client, string Source)> KeyAsync(string role, string unitCode, string? source = null)
    {
        using var response = await Admin.PostAsJsonAsync(
            "/api/keys",
            new
            {
                name = $"{role} {unitCode}",
                role,
                unitCode,
                source,
            }
        );
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), created.ToString());
        return (
            Factory.ClientWithKey(created.GetProperty("key").GetString()),
            created.GetProperty("source").GetString()!
        );
    }

    private static object Received(string id, string code, string unit, string procedure) =>
        new
        {
            id,
            dossierCode = code,
            type = "received",
            at = At,
            procedureCode = procedure,
            unitCode = unit,
            channel = "online",
        };

    private static async Task<JsonElement> PostAsync(HttpClient client, params object[] events)
    {
        using var response = await TestProvince.PostAsync(client, events);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        return body;
    }

    private static int Accepted(JsonElement outcome) => outcome.GetProperty("accepted").GetInt32();
}
