using System.Net.Http.Json;

namespace Scorecard.Api.Tests.Support;

/// <summary>
/// A small hand-made province for endpoint tests: P with district P.A (communes P.A.1, P.A.2), district P.B (commune
/// P.B.1),
/// an agency P.S whose life ended on 2024-12-31; procedures with and without fees and processing times.
/// </summary>
internal static class TestProvince
{
    public static async Task SeedAsync(HttpClient admin)
    {
        (
            await admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """
                    [
                      {"code":"P","name":"Tỉnh","level":"province","kind":"locality"},
                      {"code":"P.A","name":"Huyện A","level":"district","kind":"locality","parentCode":"P"},
                      {"code":"P.A.1","name":"Xã A1","level":"commune","kind":"locality","parentCode":"P.A"},
                      {"code":"P.A.2","name":"Xã A2","level":"commune","kind":"locality","parentCode":"P.A"},
                      {"code":"P.B","name":"Huyện B","level":"district","kind":"locality","parentCode":"P"},
                      {"code":"P.B.1","name":"Xã B1","level":"commune","kind":"locality","parentCode":"P.B"},
                      {"code":"P.S","name":"Sở cũ","level":"province","kind":"agency","parentCode":"P",
                          "validTo":"2024-12-31"}
                    ]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        (
            await admin.PutAsync(
                "/api/procedures",
                ProblemAssert.Json(
                    """
                    [
                      {"code":"1.000001","name":"Khai sinh","field":"Hộ tịch","level":"commune",
                          "onlineService":"full","integrated":true,
                       "hasFee":false,"personApplicant":true,"processingTime":{"value":3,"unit":"working-days"}},
                      {"code":"1.000002","name":"Giấy phép xây dựng","field":"Xây dựng","level":"district",
                          "onlineService":"partial","integrated":true,
                       "hasFee":true,"personApplicant":true,"processingTime":{"value":15,"unit":"working-days"}},
                      {"code":"1.000003","name":"Chứng thực","field":"Chứng thực","level":"commune",
                          "onlineService":"none",
                       "hasFee":true,"personApplicant":false}
                    ]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, params object[] events) =>
        client.PostAsJsonAsync("/api/dossier-events", new { events });
}
