using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints.OData;

/// <summary>
/// The test province with dossiers for the feeds: D1–D7 as in the portal tests (D1 early, D2 late,
/// D3 on time, D7 still open and overdue), and 240 generated dossiers G000–G239 received hourly
/// from 6 January 2025 00:00 UTC in turn at P.A.1, P.A.2 and P.B.1, every second one resolved.
/// </summary>
internal static class FeedDataset
{
    public const int Generated = 240;
    public const int Total = Generated + 7;

    public static readonly string[] GeneratedUnits = ["P.A.1", "P.A.2", "P.B.1"];

    public static async Task SeedAsync(HttpClient admin)
    {
        await TestProvince.SeedAsync(admin);
        static object R(string id, string unit, string procedure, string channel, string at, bool digitised = false) =>
            new
            {
                id = id + "-r",
                dossierCode = id,
                type = "received",
                at,
                procedureCode = procedure,
                unitCode = unit,
                channel,
                digitised,
            };
        static object Done(string id, string at) =>
            new
            {
                id = id + "-f",
                dossierCode = id,
                type = "resolved",
                at,
            };
        var events = new List<object>
        {
            R("D1", "P.A.1", "1.000001", "online", "2025-03-03T08:00:00+07:00", digitised: true),
            Done("D1", "2025-03-04T10:00:00+07:00"),
            R("D2", "P.A.1", "1.000001", "direct", "2025-03-03T09:00:00+07:00"),
            Done("D2", "2025-03-10T10:00:00+07:00"),
            R("D3", "P.A.2", "1.000001", "online", "2025-03-05T10:00:00+07:00"),
            Done("D3", "2025-03-10T09:00:00+07:00"),
            R("D4", "P.B.1", "1.000001", "online", "2025-03-04T08:00:00+07:00"),
            Done("D4", "2025-03-20T08:00:00+07:00"),
            R("D5", "P.B.1", "1.000003", "direct", "2025-03-04T08:00:00+07:00"),
            Done("D5", "2025-03-05T08:00:00+07:00"),
            R("D6", "P.B", "1.000002", "online", "2025-03-03T08:00:00+07:00"),
            Done("D6", "2025-03-05T08:00:00+07:00"),
            R("D7", "P.A.1", "1.000001", "direct", "2025-03-28T10:00:00+07:00"),
        };
        var start = new DateTimeOffset(2025, 1, 6, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Generated; i++)
        {
            var code = "G" + i.ToString("000", CultureInfo.InvariantCulture);
            var at = start.AddHours(i);
            events.Add(
                R(
                    code,
                    GeneratedUnits[i % 3],
                    "1.000001",
                    i % 4 == 0 ? "online" : "direct",
                    at.ToString("O", CultureInfo.InvariantCulture)
                )
            );
            if (i % 2 == 0)
            {
                events.Add(Done(code, at.AddDays(1 + (i % 5)).ToString("O", CultureInfo.InvariantCulture)));
            }
        }

        var result = await (await TestProvince.PostAsync(admin, [.. events])).Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(events.Count), result.ToString());
    }
}
