using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>The data the national method needs, accepted and validated beside the first contract (old payloads keep
/// working).</summary>
public sealed class NationalDataTests : ApiFixture
{
    private const string At = "2025-03-03T08:00:00+07:00";

    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await Admin.PutAsync(
                "/api/procedures",
                ProblemAssert.Json(
                    """
                    [{"code":"3.000001","name":"Kết quả điện tử","field":"Hộ tịch","level":"commune",
                        "onlineService":"partial","hasFee":true,
                      "citizenApplicant":true,"paperResult":false,"fullOnlineEligible":true,
                          "onlinePaymentOnPortal":true,
                      "processingTime":{"value":1,"unit":"working-days"}}]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
    }

    [Test]
    public async Task Procedure_WithTheNationalFields_KeepsThemAndDefaultsTheOthers()
    {
        var given = await Admin.GetFromJsonAsync<JsonElement>("/api/procedures/3.000001");
        var old = await Admin.GetFromJsonAsync<JsonElement>("/api/procedures/1.000001");

        Assert.That(
            (
                given.GetProperty("paperResult").GetBoolean(),
                given.GetProperty("fullOnlineEligible").GetBoolean(),
                given.GetProperty("onlinePaymentOnPortal").GetBoolean(),
                given.GetProperty("personApplicant").GetBoolean()
            ),
            Is.EqualTo((false, true, true, true))
        );
        Assert.That(
            (old.GetProperty("paperResult").GetBoolean(), old.GetProperty("onlinePaymentOnPortal").GetBoolean()),
            Is.EqualTo((true, false))
        );
        Assert.That(
            old.GetProperty("fullOnlineEligible").ValueKind,
            Is.EqualTo(JsonValueKind.Null),
            "unset: eligible when offered fully online"
        );
    }

    [Test]
    public async Task Dossier_WithTheNationalFields_ShowsThemFolded()
    {
        var outcome = await PostAsync(
            new
            {
                id = "n1-r",
                dossierCode = "N1",
                type = "received",
                at = At,
                procedureCode = "3.000001",
                unitCode = "P.A.1",
                channel = "online",
                feeAmount = 0,
                reusedDigitisedData = true,
                fromPersonalDataStore = true,
                vneidAuthenticated = true,
            },
            new
            {
                id = "n1-p",
                dossierCode = "N1",
                type = "paid",
                at = At,
                method = "online",
                amount = 0,
                via = "portal",
            },
            new
            {
                id = "n1-f",
                dossierCode = "N1",
                type = "feedback",
                at = "2025-03-04T08:00:00+07:00",
                satisfied = false,
            }
        );
        var dossier = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/N1");

        Assert.That(outcome.GetProperty("accepted").GetInt32(), Is.EqualTo(3), outcome.ToString());
        Assert.That(dossier.GetProperty("feeAmount").GetInt64(), Is.Zero);
        Assert.That(
            new[]
            {
                "reusedDigitisedData",
                "fromPersonalDataStore",
                "vneidAuthenticated",
                "paidOnPortal",
                "complaint",
            }.Select(f => dossier.GetProperty(f).GetBoolean()),
            Is.All.True
        );
    }

    [TestCase("""{"id":"v-1","dossierCode":"V-1","type":"feedback","at":"2025-03-03T08:00:00+07:00"}""", "satisfied")]
    [TestCase(
        """
            {"id":"v-2","dossierCode":"V-2","type":"paid","at":"2025-03-03T08:00:00+07:00","method":"offline",
            "amount":1,"via":"portal"}
            """,
        "via"
    )]
    [TestCase(
        """
            {"id":"v-3","dossierCode":"V-3","type":"paid","at":"2025-03-03T08:00:00+07:00","method":"online",
            "amount":1,"via":"bank"}
            """,
        "via"
    )]
    [TestCase(
        """
            {"id":"v-4","dossierCode":"V-4","type":"received","at":"2025-03-03T08:00:00+07:00",
            "procedureCode":"1.000001","unitCode":"P.A.1","channel":"online","feeAmount":-1}
            """,
        "feeAmount"
    )]
    [TestCase(
        """
            {"id":"v-5","dossierCode":"V-5","type":"received","at":"2025-03-03T08:00:00+07:00",
            "procedureCode":"1.000001","unitCode":"P.A.1","channel":"online","feeAmount":"free"}
            """,
        "feeAmount"
    )]
    [TestCase(
        """
            {"id":"v-6","dossierCode":"V-6","type":"due-changed","at":"2025-03-03T08:00:00+07:00",
            "dueAt":"2025-03-05T08:00:00+07:00"}
            """,
        "reason"
    )]
    [TestCase(
        """{"id":"v-7","dossierCode":"V-7","type":"due-changed","at":"2025-03-03T08:00:00+07:00","reason":"because"}""",
        "reason"
    )]
    public async Task Post_WhenANationalFieldIsWrong_RejectsTheEventNamingTheField(string json, string field)
    {
        using var response = await Admin.PostAsync(
            "/api/dossier-events",
            ProblemAssert.Json($$"""{"events":[{{json}}]}""")
        );
        var outcome = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            outcome
                .GetProperty("rejected")[0]
                .GetProperty("errors")
                .EnumerateArray()
                .Select(e => e.GetProperty("field").GetString()),
            Does.Contain(field)
        );
    }

    private async Task<JsonElement> PostAsync(params object[] events)
    {
        using var response = await TestProvince.PostAsync(Admin, events);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
