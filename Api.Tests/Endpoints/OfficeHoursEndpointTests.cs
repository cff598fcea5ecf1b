using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Domain;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>Office hours set through the API move the deadlines of dossiers received afterwards.</summary>
public sealed class OfficeHoursEndpointTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await Admin.PutAsync(
                "/api/procedures",
                ProblemAssert.Json(
                    """
                    [{"code":"2.000001","name":"Trong ngày","field":"Chứng thực","level":"commune",
                        "onlineService":"none","hasFee":false,
                      "personApplicant":true,"processingTime":{"unit":"same-day"}},
                     {"code":"2.000002","name":"Nửa ngày","field":"Chứng thực","level":"commune",
                         "onlineService":"none","hasFee":false,
                      "personApplicant":true,"processingTime":{"value":0.5,"unit":"working-days"}}]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
    }

    [Test]
    public async Task Get_WhenNoneSet_AnswersTheDefault()
    {
        var hours = await Admin.GetFromJsonAsync<JsonElement>("/api/calendar/office-hours");

        Assert.That(
            hours[0].GetProperty("periods").ToString(),
            Is.EqualTo("""[{"start":"07:30","end":"11:30"},{"start":"13:00","end":"17:00"}]""")
        );
        Assert.That(hours[0].GetProperty("sameDayCutoff").GetString(), Is.EqualTo("15:00"));
    }

    [Test]
    public async Task Put_WhenSpansOverlap_Is400NamingTheEntry()
    {
        using var response = await Admin.PutAsync(
            "/api/calendar/office-hours",
            ProblemAssert.Json(
                """
                [{"validFrom":"2020-01-01","periods":[{"start":"07:30","end":"12:00"},{"start":"11:00",
                    "end":"17:00"}],"sameDayCutoff":"15:00"}]
                """
            )
        );

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").GetProperty("[0]")[0].GetString(), Does.Contain("overlaps"));
    }

    [Test]
    public async Task Put_ThenReceive_DeadlinesRunOnTheNewHours()
    {
        using var put = await Admin.PutAsync(
            "/api/calendar/office-hours",
            ProblemAssert.Json(
                """
                [{"validFrom":"2025-01-01","periods":[{"start":"08:00","end":"12:00"},{"start":"13:30",
                    "end":"17:30"}],"sameDayCutoff":"16:00"}]
                """
            )
        );
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        (
            await TestProvince.PostAsync(
                Admin,
                new
                {
                    id = "oh-1",
                    dossierCode = "OH-1",
                    type = "received",
                    at = "2025-03-03T15:30:00+07:00",
                    procedureCode = "2.000001",
                    unitCode = "P.A.1",
                    channel = "direct",
                },
                new
                {
                    id = "oh-2",
                    dossierCode = "OH-2",
                    type = "received",
                    at = "2025-03-03T10:00:00+07:00",
                    procedureCode = "2.000002",
                    unitCode = "P.A.1",
                    channel = "direct",
                }
            )
        ).EnsureSuccessStatusCode();
        var sameDay = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/OH-1");
        var halfDay = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/OH-2");

        // Before the 16:00 cut-off: due when Monday's office closes at 17:30. Half a day (4 h) from 10:00: 2 h to
        // 12:00, 2 h from 13:30.
        Assert.That(
            sameDay.GetProperty("dueAt").GetDateTimeOffset(),
            Is.EqualTo(Parse.At("2025-03-03T17:30:00+07:00"))
        );
        Assert.That(
            halfDay.GetProperty("dueAt").GetDateTimeOffset(),
            Is.EqualTo(Parse.At("2025-03-03T15:30:00+07:00"))
        );
        (await Admin.PutAsync("/api/calendar/office-hours", ProblemAssert.Json("[]"))).EnsureSuccessStatusCode();
    }
}
