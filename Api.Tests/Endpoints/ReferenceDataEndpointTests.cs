using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

public sealed class ReferenceDataEndpointTests : ApiFixture
{
    protected override async Task SeedAsync() { }

    [Test]
    public async Task PutProcedures_ThenGet_RoundTripsEveryField()
    {
        var put = await Admin.PutAsync(
            "/api/procedures",
            ProblemAssert.Json(
                """
                [{"code":"1.001612","name":"Đăng ký khai sinh","field":"Hộ tịch","level":"commune",
                    "onlineService":"full",
                  "integrated":true,"hasFee":false,"personApplicant":true,"processingTime":{"value":3,
                      "unit":"working-days"},
                  "onlineOnlyFrom":"2024-01-01","onlineOnlyTo":"2024-06-30"}]
                """
            )
        );
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());

        var procedure = await Admin.GetFromJsonAsync<JsonElement>("/api/procedures/1.001612");

        Assert.That(procedure.GetProperty("onlineService").GetString(), Is.EqualTo("full"));
        Assert.That(procedure.GetProperty("integrated").GetBoolean(), Is.True);
        Assert.That(procedure.GetProperty("processingTime").GetProperty("value").GetInt32(), Is.EqualTo(3));
        Assert.That(
            procedure.GetProperty("processingTime").GetProperty("unit").GetString(),
            Is.EqualTo("working-days")
        );
        Assert.That(procedure.GetProperty("onlineOnlyTo").GetString(), Is.EqualTo("2024-06-30"));
    }

    [Test]
    public async Task PutProcedures_WhenRepeated_CountsUpdates()
    {
        const string body =
            """[{"code":"2.000001","name":"A","field":"F","level":"district","onlineService":"none"}]""";
        var first = await (
            await Admin.PutAsync("/api/procedures", ProblemAssert.Json(body))
        ).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (
            await Admin.PutAsync("/api/procedures", ProblemAssert.Json(body))
        ).Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(first.GetProperty("created").GetInt32(), Is.EqualTo(1));
        Assert.That(second.GetProperty("created").GetInt32(), Is.EqualTo(0));
        Assert.That(second.GetProperty("updated").GetInt32(), Is.EqualTo(1));
    }

    [TestCase(
        """[{"code":"X","name":"A","field":"F","level":"district","onlineService":"some"}]""",
        "procedures[0].OnlineService"
    )]
    [TestCase(
        """
            [{"code":"X","name":"A","field":"F","level":"district","onlineService":"none","processingTime":{"value":-1,
            "unit":"days"}}]
            """,
        "procedures[0].processingTime.value"
    )]
    [TestCase(
        """
            [{"code":"X","name":"A","field":"F","level":"district","onlineService":"none","processingTime":{"value":1,
            "unit":"weeks"}}]
            """,
        "procedures[0].processingTime.unit"
    )]
    public async Task PutProcedures_WhenFieldInvalid_Is400NamingIt(string body, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync("/api/procedures", ProblemAssert.Json(body)),
            HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task GetProcedures_WhenLevelUnknown_Is400()
    {
        await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync("/api/procedures?level=region"),
            HttpStatusCode.BadRequest
        );
    }

    [Test]
    public async Task Calendar_PutListDelete_RoundTrips()
    {
        var put = await Admin.PutAsync(
            "/api/calendar",
            ProblemAssert.Json(
                """
                [{"date":"2030-04-27","kind":"working-day","name":"Làm bù"},{"date":"2030-05-02","kind":"holiday",
                    "name":"Nghỉ hoán đổi"}]
                """
            )
        );
        Assert.That(
            (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32(),
            Is.EqualTo(2)
        );

        var days = await Admin.GetFromJsonAsync<JsonElement>("/api/calendar?from=2030-04-01&to=2030-05-31");
        Assert.That(
            days.EnumerateArray().Select(d => d.GetProperty("kind").GetString()),
            Is.EqualTo(new[] { "working-day", "holiday" })
        );

        Assert.That(
            (await Admin.DeleteAsync("/api/calendar/2030-05-02")).StatusCode,
            Is.EqualTo(HttpStatusCode.NoContent)
        );
        await ProblemAssert.IsProblemAsync(
            await Admin.DeleteAsync("/api/calendar/2030-05-02"),
            HttpStatusCode.NotFound
        );
    }

    [Test]
    public async Task Calendar_WhenKindUnknown_Is400()
    {
        var response = await Admin.PutAsync(
            "/api/calendar",
            ProblemAssert.Json("""[{"date":"2030-01-02","kind":"party","name":"x"}]""")
        );

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("days[0].Kind", out _), Is.True, problem.ToString());
    }

    [Test]
    public async Task Indicators_AfterStart_HaveEveryBuiltInWithItsBandsAndFormula()
    {
        var indicators = await Admin.GetFromJsonAsync<JsonElement>("/api/indicators");
        var builtIn = indicators
            .EnumerateArray()
            .Where(i => i.GetProperty("kind").GetString() == "built-in")
            .Select(i => i.GetProperty("code").GetString());
        var onTime = await Admin.GetFromJsonAsync<JsonElement>("/api/indicators/on-time");

        Assert.That(
            builtIn,
            Is.EquivalentTo(
                new[]
                {
                    "on-time",
                    "online-submission",
                    "online-payment",
                    "digitisation",
                    "e-result",
                    "population-db",
                    "full-online",
                    "data-reuse",
                    "personal-data-store",
                    "channel-online",
                    "channel-direct",
                    "channel-postal",
                    "satisfaction",
                    "online-service",
                    "payment-offered",
                    "payment-procedures",
                    "population-db-procedures",
                }
            )
        );
        Assert.That(onTime.GetProperty("description").GetString(), Does.StartWith("2.1: "));
        var bands = onTime
            .GetProperty("bands")[0]
            .GetProperty("bands")
            .EnumerateArray()
            .Select(b => (b.GetProperty("min").GetDecimal(), b.GetProperty("color").GetString()))
            .ToList();
        Assert.That(bands, Is.EqualTo(new[] { (90m, "green"), (80m, "yellow"), (70m, "orange"), (0m, "red") }));
    }

    [Test]
    public async Task PutIndicators_WhenNew_CreatesAReportedIndicatorAndRefusesBuiltInKind()
    {
        var created = await Admin.PutAsync(
            "/api/indicators",
            ProblemAssert.Json(
                """
                [{"code":"vneid","name":"Kích hoạt VNeID","bands":[{"validFrom":"2024-01-01","bands":[{"min":70,
                    "color":"green"},{"min":0,"color":"red"}]}]}]
                """
            )
        );
        var refused = await Admin.PutAsync(
            "/api/indicators",
            ProblemAssert.Json("""[{"code":"new-one","name":"x","kind":"built-in"}]""")
        );
        var flip = await Admin.PutAsync(
            "/api/indicators",
            ProblemAssert.Json("""[{"code":"on-time","name":"x","kind":"reported"}]""")
        );

        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var vneid = await Admin.GetFromJsonAsync<JsonElement>("/api/indicators/vneid");
        Assert.That(vneid.GetProperty("kind").GetString(), Is.EqualTo("reported"));
        var problem = await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty("new-one", out _), Is.True);
        await ProblemAssert.IsProblemAsync(flip, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task PutBands_WhenNotDescending_Is400AndWhenValid_AddsADatedScale()
    {
        var bad = await Admin.PutAsync(
            "/api/indicators/digitisation/bands",
            ProblemAssert.Json(
                """{"validFrom":"2025-01-01","bands":[{"min":50,"color":"yellow"},{"min":90,"color":"green"}]}"""
            )
        );
        var good = await Admin.PutAsync(
            "/api/indicators/digitisation/bands",
            ProblemAssert.Json(
                """{"validFrom":"2025-01-01","bands":[{"min":90,"color":"green"},{"min":0,"color":"red"}]}"""
            )
        );
        var unknown = await Admin.PutAsync(
            "/api/indicators/nope/bands",
            ProblemAssert.Json("""{"validFrom":"2025-01-01","bands":[{"min":0,"color":"red"}]}""")
        );

        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest);
        var indicator = await good.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(indicator.GetProperty("bands").GetArrayLength(), Is.EqualTo(2));
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task HealthReady_WhenMigrated_Is200()
    {
        using var client = Factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
