using System.Net.Http.Json;
using System.Text.Json;

namespace Scorecard.Api.Tests.Support;

/// <summary>
/// Seven dossiers of March 2025 in the test province, every figure worked by hand:
/// D1 P.A.1 online, digitised, population DB, received Mon 3 Mar 08:00, resolved 4 Mar (early; due Thu 6 Mar 08:00).
/// D2 P.A.1 direct, received 3 Mar 09:00, resolved Mon 10 Mar (late; due 6 Mar 09:00).
/// D3 P.A.2 online, received Wed 5 Mar 10:00, resolved Mon 10 Mar 09:00 (on time; due 10 Mar 10:00).
/// D4 P.B.1 online, received 4 Mar, resolved 20 Mar (late).
/// D5 P.B.1 direct, procedure without online service and without deadline, fee paid offline, resolved 5 Mar.
/// D6 P.B (district) online, fee paid online, resolved 5 Mar with an electronic result (early).
/// D7 P.A.1 direct, received Fri 28 Mar 10:00, still open (due Wed 2 Apr 10:00).
/// </summary>
internal static class MarchDossiers
{
    /// <summary>Seeds the test province and posts the seven dossiers.</summary>
    public static async Task SeedAsync(HttpClient admin)
    {
        await TestProvince.SeedAsync(admin);
        static object R(
            string id,
            string unit,
            string procedure,
            string channel,
            string at,
            bool digitised = false,
            bool populationDb = false
        ) =>
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
                populationDbUsed = populationDb,
            };
        static object Done(string id, string at, bool electronic = false) =>
            new
            {
                id = id + "-f",
                dossierCode = id,
                type = "resolved",
                at,
                electronicResult = electronic,
            };
        var response = await TestProvince.PostAsync(
            admin,
            R("D1", "P.A.1", "1.000001", "online", "2025-03-03T08:00:00+07:00", digitised: true, populationDb: true),
            Done("D1", "2025-03-04T10:00:00+07:00"),
            R("D2", "P.A.1", "1.000001", "direct", "2025-03-03T09:00:00+07:00"),
            Done("D2", "2025-03-10T10:00:00+07:00"),
            R("D3", "P.A.2", "1.000001", "online", "2025-03-05T10:00:00+07:00"),
            Done("D3", "2025-03-10T09:00:00+07:00"),
            R("D4", "P.B.1", "1.000001", "online", "2025-03-04T08:00:00+07:00"),
            Done("D4", "2025-03-20T08:00:00+07:00"),
            R("D5", "P.B.1", "1.000003", "direct", "2025-03-04T08:00:00+07:00"),
            new
            {
                id = "D5-p",
                dossierCode = "D5",
                type = "paid",
                at = "2025-03-04T09:00:00+07:00",
                method = "offline",
                amount = 20000,
            },
            Done("D5", "2025-03-05T08:00:00+07:00"),
            R("D6", "P.B", "1.000002", "online", "2025-03-03T08:00:00+07:00"),
            new
            {
                id = "D6-p",
                dossierCode = "D6",
                type = "paid",
                at = "2025-03-03T08:30:00+07:00",
                method = "online",
                amount = 100000,
            },
            Done("D6", "2025-03-05T08:00:00+07:00", electronic: true),
            R("D7", "P.A.1", "1.000001", "direct", "2025-03-28T10:00:00+07:00")
        );
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(15), result.ToString());
    }
}
