using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>A key limited to district P.A reads only P.A's subtree through every feed, whatever the query
/// asks.</summary>
public sealed class FeedScopeTests : ApiFixture
{
    private HttpClient scoped = null!;

    protected override async Task SeedAsync()
    {
        await FeedDataset.SeedAsync(Admin);
        await Admin.PutAsJsonAsync(
            "/api/targets",
            new[]
            {
                new
                {
                    unitCode = "P.A",
                    indicator = "on-time",
                    period = "2025-H1",
                    target = 80m,
                    assignedBy = "P",
                },
                new
                {
                    unitCode = "P.B",
                    indicator = "on-time",
                    period = "2025-H1",
                    target = 85m,
                    assignedBy = "P",
                },
            }
        );
        var created = await (
            await Admin.PostAsJsonAsync(
                "/api/keys",
                new
                {
                    name = "district A",
                    role = "analyst",
                    unitCode = "P.A",
                }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        scoped = Factory.BasicClient(created.GetProperty("key").GetString()!);
    }

    [Test]
    public async Task Dossiers_OfOtherSubtrees_AreInvisibleToEveryOption()
    {
        var (rows, _) = await ODataFeed.AllAsync(scoped, "/odata/Dossiers?$expand=Unit");
        var asked = await ODataFeed.GetAsync(
            scoped,
            "/odata/Dossiers?$filter=UnitCode eq 'P.B.1' or Unit/Code eq 'P.B'&$count=true"
        );
        var count = await scoped.GetStringAsync(new Uri("/odata/Dossiers/$count", UriKind.Relative));

        // P.A.1: D1, D2, D7 + 80 generated; P.A.2: D3 + 80 generated.
        Assert.That(rows, Has.Count.EqualTo(164));
        Assert.That(
            rows.Select(r => r.GetProperty("Unit").GetProperty("Code").GetString()).Distinct(),
            Is.EquivalentTo(new[] { "P.A.1", "P.A.2" })
        );
        Assert.That(asked.GetProperty("value").GetArrayLength(), Is.Zero);
        Assert.That(asked.GetProperty("@odata.count").GetInt64(), Is.Zero);
        Assert.That(count, Is.EqualTo("164"));
    }

    [Test]
    public async Task UnitsAndTargets_AreLimitedToTheSubtree()
    {
        var units = await ODataFeed.GetAsync(scoped, "/odata/Units");
        var targets = await ODataFeed.GetAsync(scoped, "/odata/TargetAssignments");

        Assert.That(
            ODataFeed.Codes(units.GetProperty("value").EnumerateArray()),
            Is.EqualTo(new[] { "P.A", "P.A.1", "P.A.2" })
        );
        Assert.That(
            ODataFeed.Codes(targets.GetProperty("value").EnumerateArray(), "Id"),
            Is.EqualTo(new[] { "P.A/on-time/2025-H1" })
        );
    }

    [Test]
    public async Task Feeds_WithoutAKey_Are401AndOfferBasic()
    {
        using var anonymous = Factory.ClientWithKey(null);

        using var response = await anonymous.GetAsync(new Uri("/odata/Dossiers", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.Contain("Basic"));
    }
}
