using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// The feed classifies open dossiers in SQL; GET /api/dossiers/{code} classifies them with the
/// domain's fold. Both must agree, also while a supplement request stops the clock.
/// </summary>
public sealed class TimelinessFeedTests : ApiFixture
{
    private static readonly string[] Codes = ["T1", "T2", "T3", "T4", "T5", "T6"];

    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        static object R(string id, string at) =>
            new
            {
                id = id + "-r",
                dossierCode = id,
                type = "received",
                at,
                procedureCode = "1.000001",
                unitCode = "P.A.1",
                channel = "online",
            };
        static object E(string id, string type, string at) =>
            new
            {
                id = id + "-" + type,
                dossierCode = id,
                type,
                at,
            };
        var now = DateTimeOffset.UtcNow;
        string Ago(double days) => now.AddDays(-days).ToString("O");
        var response = await TestProvince.PostAsync(
            Admin,
            // due in about 3 working days: in time
            R("T1", Ago(1)),
            R("T2", Ago(30)), // long past due: overdue
            R("T3", Ago(30)),
            E("T3", "supplement-requested", Ago(29.9)), // paused before its deadline: in time
            R("T4", Ago(30)),
            E("T4", "supplement-requested", Ago(20)), // paused after its deadline: overdue
            // resumed long ago: overdue
            R("T5", Ago(30)),
            E("T5", "supplement-requested", Ago(29.9)),
            E("T5", "supplement-completed", Ago(29.8)),
            R("T6", Ago(30)),
            E("T6", "withdrawn", Ago(29))
        ); // counts nowhere: no timeliness
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(11), result.ToString());
    }

    [Test]
    public async Task Timeliness_OfOpenDossiers_MatchesTheDomainFold()
    {
        var page = await ODataFeed.GetAsync(Admin, "/odata/Dossiers?$select=Code,Timeliness");
        var feed = page.GetProperty("value")
            .EnumerateArray()
            .ToDictionary(r => r.GetProperty("Code").GetString()!, r => r.GetProperty("Timeliness").GetString());

        foreach (var code in Codes)
        {
            var dossier = await Admin.GetFromJsonAsync<JsonElement>($"/api/dossiers/{code}");
            var folded = dossier.GetProperty("timeliness");
            Assert.That(
                feed[code],
                Is.EqualTo(folded.ValueKind == JsonValueKind.Null ? null : folded.GetString()),
                code
            );
        }

        Assert.That(
            Codes.Select(c => feed[c]),
            Is.EqualTo(new[] { "in-time", "overdue", "in-time", "overdue", "overdue", null })
        );
    }
}
