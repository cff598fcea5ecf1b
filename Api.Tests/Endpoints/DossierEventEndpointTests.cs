using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

public sealed class DossierEventEndpointTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
    }

    private static object Received(
        string id,
        string dossier,
        string unit = "P.A.1",
        string procedure = "1.000001",
        string at = "2025-03-03T08:00:00+07:00"
    ) =>
        new
        {
            id,
            dossierCode = dossier,
            type = "received",
            at,
            procedureCode = procedure,
            unitCode = unit,
            channel = "online",
            digitised = true,
        };

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Test]
    public async Task Post_WhenBatchIsValid_StoresAndFoldsTheDossier()
    {
        var result = await OkAsync(
            await TestProvince.PostAsync(
                Admin,
                Received("v-1", "V-1"),
                new
                {
                    id = "v-2",
                    dossierCode = "V-1",
                    type = "resolved",
                    at = "2025-03-04T10:00:00+07:00",
                    electronicResult = true,
                }
            )
        );

        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(2));
        Assert.That(result.GetProperty("duplicates").GetInt32(), Is.EqualTo(0));
        Assert.That(result.GetProperty("rejected").GetArrayLength(), Is.EqualTo(0));
        var dossier = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/V-1");
        // Received Monday 3 March 08:00 with 3 working days: due Thursday 6 March 08:00; resolved Tuesday: early.
        Assert.That(dossier.GetProperty("status").GetString(), Is.EqualTo("resolved"));
        Assert.That(
            dossier.GetProperty("dueAt").GetDateTimeOffset(),
            Is.EqualTo(
                DateTimeOffset.Parse("2025-03-06T08:00:00+07:00", System.Globalization.CultureInfo.InvariantCulture)
            )
        );
        Assert.That(dossier.GetProperty("timeliness").GetString(), Is.EqualTo("early"));
        Assert.That(dossier.GetProperty("electronicResult").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Post_WhenIdsRepeat_CountsDuplicatesWithinAndAcrossBatches()
    {
        var first = await OkAsync(await TestProvince.PostAsync(Admin, Received("d-1", "D-1"), Received("d-1", "D-1")));
        var second = await OkAsync(
            await TestProvince.PostAsync(
                Admin,
                Received("d-1", "D-1"),
                new
                {
                    id = "d-2",
                    dossierCode = "D-1",
                    type = "digitised",
                    at = "2025-03-03T09:00:00+07:00",
                }
            )
        );

        Assert.That(
            (first.GetProperty("accepted").GetInt32(), first.GetProperty("duplicates").GetInt32()),
            Is.EqualTo((1, 1))
        );
        Assert.That(
            (second.GetProperty("accepted").GetInt32(), second.GetProperty("duplicates").GetInt32()),
            Is.EqualTo((1, 1))
        );
        var events = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/D-1/events");
        Assert.That(events.GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Post_WhenEventsArriveBeforeReceived_AppliesThemOnceReceived()
    {
        await OkAsync(
            await TestProvince.PostAsync(
                Admin,
                new
                {
                    id = "o-3",
                    dossierCode = "O-1",
                    type = "returned",
                    at = "2025-03-05T10:00:00+07:00",
                },
                new
                {
                    id = "o-2",
                    dossierCode = "O-1",
                    type = "paid",
                    at = "2025-03-03T09:00:00+07:00",
                    method = "online",
                    amount = 50000,
                }
            )
        );
        var pending = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync("/api/dossiers/O-1"),
            HttpStatusCode.NotFound
        );
        Assert.That(pending.GetProperty("detail").GetString(), Does.Contain("2 event(s) but no 'received'"));

        await OkAsync(await TestProvince.PostAsync(Admin, Received("o-1", "O-1", "P.A", "1.000002")));

        var dossier = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/O-1");
        Assert.That(dossier.GetProperty("paidOnline").GetBoolean(), Is.True);
        Assert.That(dossier.GetProperty("amountPaid").GetInt64(), Is.EqualTo(50000));
        Assert.That(dossier.GetProperty("status").GetString(), Is.EqualTo("returned"));
    }

    [TestCase(
        """
            {"dossierCode":"R-1","type":"received","at":"2025-03-03T08:00:00+07:00","procedureCode":"1.000001",
            "unitCode":"P.A.1","channel":"online"}
            """,
        "id",
        ""
    )]
    [TestCase(
        """
            {"id":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx","dossierCode":"R-1",
            "type":"digitised","at":"2025-03-03T08:00:00+07:00"}
            """,
        "id",
        "64"
    )]
    [TestCase("""{"id":"r-1","type":"digitised","at":"2025-03-03T08:00:00+07:00"}""", "dossierCode", "")]
    [TestCase(
        """{"id":"r-1","dossierCode":"R 1/../x","type":"digitised","at":"2025-03-03T08:00:00+07:00"}""",
        "dossierCode",
        "letters"
    )]
    [TestCase(
        """{"id":"r-1","dossierCode":"R-1\n","type":"digitised","at":"2025-03-03T08:00:00+07:00"}""",
        "dossierCode",
        "letters"
    )]
    [TestCase(
        """{"id":"r-1","dossierCode":"R-1","type":"approved","at":"2025-03-03T08:00:00+07:00"}""",
        "type",
        "received"
    )]
    [TestCase("""{"id":"r-1","dossierCode":"R-1","type":"digitised","at":"2025-03-03T08:00:00"}""", "at", "offset")]
    [TestCase(
        """{"id":"r-1","dossierCode":"R-1","type":"digitised","at":"2099-03-03T08:00:00+07:00"}""",
        "at",
        "one day from now"
    )]
    [TestCase("""{"id":"r-1","dossierCode":"R-1","type":"digitised","at":12345}""", "at", "string")]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"received","at":"2025-03-03T08:00:00+07:00",
            "procedureCode":"1.000001","unitCode":"NOPE","channel":"online"}
            """,
        "unitCode",
        "'NOPE' does not exist"
    )]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"received","at":"2025-03-03T08:00:00+07:00",
            "procedureCode":"1.000001","unitCode":"P.S","channel":"online"}
            """,
        "unitCode",
        "not active on 2025-03-03"
    )]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"received","at":"2025-03-03T08:00:00+07:00",
            "procedureCode":"9.999999","unitCode":"P.A.1","channel":"online"}
            """,
        "procedureCode",
        "'9.999999' does not exist"
    )]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"received","at":"2025-03-03T08:00:00+07:00",
            "procedureCode":"1.000001","unitCode":"P.A.1"}
            """,
        "channel",
        ""
    )]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"received","at":"2025-03-03T08:00:00+07:00",
            "procedureCode":"1.000001","unitCode":"P.A.1","channel":"fax"}
            """,
        "channel",
        "online"
    )]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"received","at":"2025-03-03T08:00:00+07:00",
            "procedureCode":"1.000001","unitCode":"P.A.1","channel":"online","dueAt":"2025-03-01T08:00:00+07:00"}
            """,
        "dueAt",
        "before 'at'"
    )]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"received","at":"2025-03-03T08:00:00+07:00",
            "procedureCode":"1.000001","unitCode":"P.A.1","channel":"online","digitised":"yes"}
            """,
        "digitised",
        "true or false"
    )]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"paid","at":"2025-03-03T08:00:00+07:00","method":"online",
            "amount":-5}
            """,
        "amount",
        ""
    )]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"paid","at":"2025-03-03T08:00:00+07:00","method":"online",
            "amount":1.5}
            """,
        "amount",
        "whole number"
    )]
    [TestCase(
        """{"id":"r-1","dossierCode":"R-1","type":"paid","at":"2025-03-03T08:00:00+07:00","amount":100}""",
        "method",
        ""
    )]
    [TestCase(
        """
            {"id":"r-1","dossierCode":"R-1","type":"due-changed","at":"2025-03-03T08:00:00+07:00",
             "dueAt":"next week"}
            """,
        "dueAt",
        "ISO 8601"
    )]
    [TestCase("""[1,2]""", "", "JSON object")]
    public async Task Post_WhenAnEventIsInvalid_RejectsItByIndexAndFieldAndStoresTheOthers(
        string bad,
        string field,
        string message
    )
    {
        var body = $$"""
            {"events":[{"id":"ok-{{Guid.NewGuid():N}}","dossierCode":"OK-1","type":"digitised",
            "at":"2025-03-03T08:00:00+07:00"},{{bad}}]}
            """;

        var result = await OkAsync(await Admin.PostAsync("/api/dossier-events", ProblemAssert.Json(body)));

        Assert.That(result.GetProperty("accepted").GetInt32(), Is.EqualTo(1), result.ToString());
        var rejected = result.GetProperty("rejected").EnumerateArray().Single();
        Assert.That(rejected.GetProperty("index").GetInt32(), Is.EqualTo(1));
        var errors = rejected.GetProperty("errors").EnumerateArray().ToList();
        Assert.That(errors.Select(e => e.GetProperty("field").GetString()), Does.Contain(field), result.ToString());
        Assert.That(
            errors.First(e => e.GetProperty("field").GetString() == field).GetProperty("message").GetString(),
            Does.Contain(message)
        );
    }

    [Test]
    public async Task Post_WhenASecondReceivedContradictsTheFirst_RejectsIt()
    {
        await OkAsync(await TestProvince.PostAsync(Admin, Received("c-1", "C-1")));

        var result = await OkAsync(await TestProvince.PostAsync(Admin, Received("c-2", "C-1", "P.B", "1.000002")));

        var rejected = result.GetProperty("rejected")[0];
        Assert.That(rejected.GetProperty("id").GetString(), Is.EqualTo("c-2"));
        Assert.That(
            rejected.GetProperty("errors")[0].GetProperty("message").GetString(),
            Does.Contain("already received by event 'c-1'")
        );
        var dossier = await Admin.GetFromJsonAsync<JsonElement>("/api/dossiers/C-1");
        Assert.That(dossier.GetProperty("unitCode").GetString(), Is.EqualTo("P.A.1"));
    }

    [TestCase("""{"events":[{"id":"m-1",""")]
    [TestCase("""{"events":{"id":"m-1"}}""")]
    [TestCase("""{"things":[]}""")]
    [TestCase("""[]""")]
    public async Task Post_WhenBodyIsMalformed_Is400AndStoresNothing(string body)
    {
        var response = await Admin.PostAsync("/api/dossier-events", ProblemAssert.Json(body));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That((await Admin.GetAsync("/api/dossiers/m-1/events")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Post_WhenMoreThan5000Events_Is413()
    {
        var events = Enumerable
            .Range(0, 5001)
            .Select(i => new
            {
                id = $"big-{i}",
                dossierCode = "BIG",
                type = "digitised",
                at = "2025-03-03T08:00:00+07:00",
            })
            .ToArray();

        var response = await TestProvince.PostAsync(Admin, events);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("5000"));
        Assert.That((await Admin.GetAsync("/api/dossiers/BIG/events")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Post_WhenBodyOver10MiB_Is413()
    {
        var padding = new string('x', 11 * 1024 * 1024);
        var response = await Admin.PostAsync(
            "/api/dossier-events",
            ProblemAssert.Json($$"""{"events":[],"pad":"{{padding}}"}""")
        );

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
