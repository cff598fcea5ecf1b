using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>
/// The national on-time rule through the stored dossiers and SQL, beside the finished rule, on five dossiers
/// of March 2025 received Mon 3 March in P.A.1, each promised for Mon 10 March 17:00 unless said:
/// W1 withdrawn Wed 5 Mar (national: ended in time 1/1; finished: not counted); S1 one supplement request
/// Wed 5 Mar still pending (national: ended at the request, in time 1/1; finished: not finished);
/// S2 two requests answered, resolved Thu 6 Mar (late in both: 0/1); A1 promised for Wed 5 Mar 17:00,
/// re-promised for 12 Mar with an apology, resolved Fri 7 Mar (late in both: 0/1); R1 resolved Thu 6 Mar (1/1).
/// National 3/5 = 60.00; finished 1/3 = 33.33.
/// </summary>
public sealed class NationalRuleEndpointTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await TestProvince.PostAsync(
                Admin,
                Received("W1"),
                Event("W1", "withdrawn", "2025-03-05T09:00:00+07:00"),
                Received("S1"),
                Event("S1", "supplement-requested", "2025-03-05T09:00:00+07:00"),
                Received("S2"),
                Event("S2", "supplement-requested", "2025-03-04T09:00:00+07:00"),
                Event("S2", "supplement-completed", "2025-03-04T10:00:00+07:00"),
                Event("S2", "supplement-requested", "2025-03-05T09:00:00+07:00", "2"),
                Event("S2", "supplement-completed", "2025-03-05T10:00:00+07:00", "2"),
                Event("S2", "resolved", "2025-03-06T09:00:00+07:00"),
                Received("A1", "2025-03-05T17:00:00+07:00"),
                new
                {
                    id = "A1-apology",
                    dossierCode = "A1",
                    type = "due-changed",
                    reason = "apology",
                    at = "2025-03-05T16:00:00+07:00",
                    dueAt = "2025-03-12T17:00:00+07:00",
                },
                Event("A1", "resolved", "2025-03-07T09:00:00+07:00"),
                Received("R1"),
                Event("R1", "resolved", "2025-03-06T09:00:00+07:00")
            )
        ).EnsureSuccessStatusCode();
    }

    [TestCase("national", 3L, 5L, 60.00)]
    [TestCase("finished", 1L, 3L, 33.33)]
    public async Task Scorecard_ForEachRule_CountsTheHandWorkedFigures(
        string rule,
        long numerator,
        long denominator,
        decimal value
    )
    {
        var card = await Admin.GetFromJsonAsync<JsonElement>($"/api/scorecards/P.A.1?period=2025-03&rule={rule}");

        var onTime = card.GetProperty("indicators")
            .EnumerateArray()
            .Single(i => i.GetProperty("code").GetString() == "on-time");
        Assert.That(
            (
                onTime.GetProperty("numerator").GetInt64(),
                onTime.GetProperty("denominator").GetInt64(),
                onTime.GetProperty("value").GetDecimal()
            ),
            Is.EqualTo((numerator, denominator, value))
        );
    }

    [Test]
    public async Task Dossier_WithAnApologyDate_ShowsItAndStaysLate()
    {
        var dossier = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/A1");

        Assert.That(
            dossier.GetProperty("apologyDueAt").GetDateTimeOffset(),
            Is.EqualTo(new DateTimeOffset(2025, 3, 12, 10, 0, 0, TimeSpan.Zero))
        );
        Assert.That(dossier.GetProperty("timeliness").GetString(), Is.EqualTo("late"));
    }

    private static object Received(string code, string due = "2025-03-10T17:00:00+07:00") =>
        new
        {
            id = code + "-r",
            dossierCode = code,
            type = "received",
            at = "2025-03-03T08:00:00+07:00",
            procedureCode = "1.000001",
            unitCode = "P.A.1",
            channel = "online",
            dueAt = due,
        };

    private static object Event(string code, string type, string at, string n = "1") =>
        new
        {
            id = $"{code}-{type}-{n}",
            dossierCode = code,
            type,
            at,
        };
}
