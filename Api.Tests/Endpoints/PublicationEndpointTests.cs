using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>Published figures over the hand-worked dossiers of <see cref="MarchDossiers"/>: a closed period keeps its
/// figures when a late event arrives; revised reads show the live ones and the difference.</summary>
public sealed class PublicationEndpointTests : ApiFixture
{
    protected override Task SeedAsync() => MarchDossiers.SeedAsync(Admin);

    private static JsonElement OnTime(JsonElement card) =>
        card.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "on-time");

    private static (long, long, decimal, string) Figure(JsonElement e) =>
        (
            e.GetProperty("numerator").GetInt64(),
            e.GetProperty("denominator").GetInt64(),
            e.GetProperty("value").GetDecimal(),
            e.GetProperty("band").GetString()!
        );

    [Test]
    public async Task Publish_ThenALateEvent_KeepsThePublishedFiguresAndRevisedShowsTheDifference()
    {
        var indexBefore = await Admin.GetFromJsonAsync<JsonElement>("/api/index/P?period=2025-03");
        var published = await Admin.PostAsJsonAsync(
            "/api/publications",
            new
            {
                unitCode = "P",
                period = "2025-03",
                note = "Chốt số liệu tháng 3",
            }
        );
        Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var first = (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("publication");

        // D8: P.A.2, received Mon 3 Mar 08:00, due Thu 6 Mar 08:00, resolved Wed 12 Mar: late.
        (
            await TestProvince.PostAsync(
                Admin,
                new
                {
                    id = "D8-r",
                    dossierCode = "D8",
                    type = "received",
                    at = "2025-03-03T08:00:00+07:00",
                    procedureCode = "1.000001",
                    unitCode = "P.A.2",
                    channel = "direct",
                },
                new
                {
                    id = "D8-f",
                    dossierCode = "D8",
                    type = "resolved",
                    at = "2025-03-12T10:00:00+07:00",
                }
            )
        ).EnsureSuccessStatusCode();

        var card = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");
        var revised = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03&revised=true");
        var finished = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03&rule=finished");

        // Published: 5 of 7 in time (71.43, orange), as before D8.
        Assert.That(card.GetProperty("published").GetBoolean(), Is.True);
        Assert.That(
            card.GetProperty("publication").GetProperty("id").GetInt32(),
            Is.EqualTo(first.GetProperty("id").GetInt32())
        );
        Assert.That(Figure(OnTime(card)), Is.EqualTo((5L, 7L, 71.43m, "orange")));
        // Revised: D8 counts, 5 of 8 = 62.50 (red); the difference is D8's effect, 62.50 − 71.43.
        Assert.That(revised.GetProperty("published").GetBoolean(), Is.False);
        Assert.That(Figure(OnTime(revised)), Is.EqualTo((5L, 8L, 62.50m, "red")));
        var then = OnTime(revised).GetProperty("published");
        Assert.That(Figure(then), Is.EqualTo((5L, 7L, 71.43m, "orange")));
        Assert.That(then.GetProperty("difference").GetDecimal(), Is.EqualTo(-8.93m));
        // Other readings than the official one are live: finished dossiers, D1, D3, D5, D6 of the seven finished.
        Assert.That(finished.GetProperty("published").GetBoolean(), Is.False);
        Assert.That(Figure(OnTime(finished)), Is.EqualTo((4L, 7L, 57.14m, "red")));

        // The map keeps P.A.2 at D3 alone (1 of 1); revised it is 1 of 2.
        var map = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=on-time&period=2025-03&parentCode=P&level=commune"
        );
        var revisedMap = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=on-time&period=2025-03&parentCode=P&level=commune&revised=true"
        );
        Assert.That(map.GetProperty("published").GetBoolean(), Is.True);
        Assert.That(Figure(Row(map, "P.A.2")), Is.EqualTo((1L, 1L, 100.00m, "green")));
        Assert.That(Figure(Row(revisedMap, "P.A.2")), Is.EqualTo((1L, 2L, 50.00m, "red")));
        Assert.That(
            Row(revisedMap, "P.A.2").GetProperty("published").GetProperty("difference").GetDecimal(),
            Is.EqualTo(-50m)
        );

        // The index answers the total it had when published; revised, the live one beside it.
        var index = await Admin.GetFromJsonAsync<JsonElement>("/api/index/P?period=2025-03");
        var revisedIndex = await Admin.GetFromJsonAsync<JsonElement>("/api/index/P?period=2025-03&revised=true");
        var total = indexBefore.GetProperty("total").GetDecimal();
        Assert.That(index.GetProperty("total").GetDecimal(), Is.EqualTo(total));
        Assert.That(index.GetProperty("published").GetBoolean(), Is.True);
        var publishedTotal = revisedIndex.GetProperty("publishedTotal");
        Assert.That(publishedTotal.GetProperty("value").GetDecimal(), Is.EqualTo(total));
        Assert.That(revisedIndex.GetProperty("total").GetDecimal(), Is.Not.EqualTo(total));
        Assert.That(
            publishedTotal.GetProperty("difference").GetDecimal(),
            Is.EqualTo(revisedIndex.GetProperty("total").GetDecimal() - total)
        );

        // A newer publication of P.A supersedes the first for P.A's subtree only.
        var second = await Admin.PostAsJsonAsync("/api/publications", new { unitCode = "P.A", period = "2025-03" });
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var a2 = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P.A.2?period=2025-03");
        var province = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");
        Assert.That(Figure(OnTime(a2)), Is.EqualTo((1L, 2L, 50.00m, "red")));
        Assert.That(
            a2.GetProperty("publication").GetProperty("supersedes").GetInt32(),
            Is.EqualTo(first.GetProperty("id").GetInt32())
        );
        Assert.That(Figure(OnTime(province)), Is.EqualTo((5L, 7L, 71.43m, "orange")));
        var list = await Admin.GetFromJsonAsync<JsonElement>("/api/publications?period=2025-03");
        Assert.That(
            list.EnumerateArray().Select(p => p.GetProperty("unitCode").GetString()),
            Is.EqualTo(new[] { "P", "P.A" })
        );
    }

    private static JsonElement Row(JsonElement map, string code) =>
        map.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("code").GetString() == code);

    [TestCase("""{"unitCode":"P","period":"2099-01"}""", "only an ended period")]
    [TestCase("""{"unitCode":"P"}""", "'unitCode' and 'period' are required")]
    [TestCase("""{"unitCode":"P","period":"2025-13"}""", "period")]
    public async Task Publish_WithABadBody_IsA400(string body, string detail)
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PostAsync("/api/publications", ProblemAssert.Json(body)),
            HttpStatusCode.BadRequest
        );

        Assert.That(problem.ToString(), Does.Contain(detail));
    }

    [Test]
    public async Task Publish_AnUnknownUnit_IsA404()
    {
        await ProblemAssert.IsProblemAsync(
            await Admin.PostAsJsonAsync("/api/publications", new { unitCode = "X", period = "2025-03" }),
            HttpStatusCode.NotFound
        );
    }

    [Test]
    public async Task Read_WithABadRevised_IsA400()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync("/api/scorecards/P?period=2025-03&revised=yes"),
            HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'revised' must be true or false"));
    }
}
