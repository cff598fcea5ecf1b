using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>Targets and reported indicators on the test province, with D1 (early) and D2 (late) at P.A.1 and D3 (on
/// time) at P.A.2 in March 2025.</summary>
public sealed class PortalTargetTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        static object R(string id, string unit, string at) =>
            new
            {
                id = id + "-r",
                dossierCode = id,
                type = "received",
                at,
                procedureCode = "1.000001",
                unitCode = unit,
                channel = "online",
            };
        static object Done(string id, string at) =>
            new
            {
                id = id + "-f",
                dossierCode = id,
                type = "resolved",
                at,
            };
        (
            await TestProvince.PostAsync(
                Admin,
                R("D1", "P.A.1", "2025-03-03T08:00:00+07:00"),
                Done("D1", "2025-03-04T10:00:00+07:00"),
                R("D2", "P.A.1", "2025-03-03T09:00:00+07:00"),
                Done("D2", "2025-03-10T10:00:00+07:00"),
                R("D3", "P.A.2", "2025-03-05T10:00:00+07:00"),
                Done("D3", "2025-03-10T09:00:00+07:00")
            )
        ).EnsureSuccessStatusCode();
    }

    private Task<HttpResponseMessage> PutTargetAsync(
        string unit,
        decimal target,
        string assignedBy,
        string? appliesToLevel = null,
        string period = "2025-03"
    ) =>
        Admin.PutAsJsonAsync(
            "/api/targets",
            new[]
            {
                new
                {
                    unitCode = unit,
                    indicator = "on-time",
                    period,
                    target,
                    assignedBy,
                    appliesToLevel,
                    reference = "QĐ 2632/QĐ-UBND",
                },
            }
        );

    private async Task<JsonElement> OnTimeAsync(string unit, string period = "2025-03")
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>($"/api/scorecards/{unit}?period={period}");
        return card.GetProperty("indicators")
            .EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "on-time");
    }

    [Test]
    public async Task Targets_Always_FollowTheCascadeAndAssignerRulesAndShowAttainment()
    {
        Assert.That(
            (await PutTargetAsync("P", 70, "P", appliesToLevel: "commune")).StatusCode,
            Is.EqualTo(HttpStatusCode.OK)
        );

        var below = await ProblemAssert.IsProblemAsync(
            await PutTargetAsync("P.A.1", 60, "P.A"),
            HttpStatusCode.BadRequest
        );
        var stranger = await ProblemAssert.IsProblemAsync(
            await PutTargetAsync("P.A.1", 75, "P.B"),
            HttpStatusCode.BadRequest
        );
        var specific = await PutTargetAsync("P.A.1", 75, "P.A");

        Assert.That(
            below.GetProperty("errors").GetProperty("targets")[0].GetString(),
            Does.Contain("below the general target 70").And.Contain("'P'")
        );
        Assert.That(
            stranger.GetProperty("errors").GetProperty("targets")[0].GetString(),
            Does.Contain("'P.B'").And.Contain("neither the unit nor one of its ancestors")
        );
        Assert.That(specific.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        // P.A.1: D1 of D1, D2 = 50.00 against its own 75: 25 points short, March is closed.
        var a1 = (await OnTimeAsync("P.A.1")).GetProperty("target");
        Assert.That(
            (
                a1.GetProperty("target").GetDecimal(),
                a1.GetProperty("gap").GetDecimal(),
                a1.GetProperty("status").GetString(),
                a1.GetProperty("general").GetBoolean()
            ),
            Is.EqualTo((75m, -25.00m, "not-met", false))
        );
        // P.A.2: D3 on time = 100.00 against the province's general 70 for communes.
        var a2 = (await OnTimeAsync("P.A.2")).GetProperty("target");
        Assert.That(
            (
                a2.GetProperty("target").GetDecimal(),
                a2.GetProperty("gap").GetDecimal(),
                a2.GetProperty("status").GetString(),
                a2.GetProperty("general").GetBoolean()
            ),
            Is.EqualTo((70m, 30.00m, "met", true))
        );
        var listed = await Admin.GetFromJsonAsync<JsonElement>("/api/targets?period=2025-03");
        Assert.That(listed.GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Targets_WhenThePeriodIsOpenAndHasNoData_AreNoData()
    {
        var year = DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.That((await PutTargetAsync("P.B.1", 80, "P.B", period: year)).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var target = (await OnTimeAsync("P.B.1", year)).GetProperty("target");

        Assert.That(target.GetProperty("status").GetString(), Is.EqualTo("no-data"));
    }

    [Test]
    public async Task ReportedValues_RollUpBySumWithoutCountingAUnitTwice()
    {
        (
            await Admin.PutAsync(
                "/api/indicators",
                ProblemAssert.Json(
                    """
                    [{"code":"vneid","name":"Kích hoạt VNeID","bands":[{"validFrom":"2020-01-01","bands":[{"min":60,
                        "color":"green"},{"min":0,"color":"red"}]}]}]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        var put = await Admin.PutAsJsonAsync(
            "/api/indicator-values",
            new[]
            {
                new
                {
                    indicator = "vneid",
                    unitCode = "P.A",
                    period = "2025-03",
                    numerator = 447246L,
                    denominator = 738291L,
                },
                new
                {
                    indicator = "vneid",
                    unitCode = "P.B",
                    period = "2025-03",
                    numerator = 100L,
                    denominator = 200L,
                },
            }
        );
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());

        var province = await Admin.GetFromJsonAsync<JsonElement>("/api/scorecards/P?period=2025-03");
        var vneid = province
            .GetProperty("indicators")
            .EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "vneid");
        // P reported nothing itself: P.A + P.B = 447,346 of 738,491 = 60.5754… → 60.58, green.
        Assert.That(
            (
                vneid.GetProperty("numerator").GetInt64(),
                vneid.GetProperty("denominator").GetInt64(),
                vneid.GetProperty("value").GetDecimal(),
                vneid.GetProperty("band").GetString()
            ),
            Is.EqualTo((447346L, 738491L, 60.58m, "green"))
        );
        var map = await Admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=vneid&period=2025-03&parentCode=P&level=district"
        );
        Assert.That(
            map.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("value").GetDecimal()),
            Is.EqualTo(new[] { 60.58m, 50.00m })
        );
    }

    [Test]
    public async Task ReportedValues_ForABuiltInIndicator_AreRefused()
    {
        var response = await Admin.PutAsJsonAsync(
            "/api/indicator-values",
            new[]
            {
                new
                {
                    indicator = "on-time",
                    unitCode = "P",
                    period = "2025-03",
                    numerator = 1L,
                    denominator = 2L,
                },
            }
        );

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(
            problem.GetProperty("errors").GetProperty("on-time")[0].GetString(),
            Does.Contain("only reported indicators")
        );
    }
}
