using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

public sealed class UnitEndpointTests : ApiFixture
{
    protected override async Task SeedAsync()
    {
        var response = await Admin.PutAsync(
            "/api/units",
            ProblemAssert.Json(
                """
                [
                  {"code":"T","name":"Tỉnh Thử","level":"province","kind":"locality"},
                  {"code":"T.D1","name":"Huyện Một","level":"district","kind":"locality","parentCode":"T"},
                  {"code":"T.D1.C1","name":"Xã Một","level":"commune","kind":"locality","parentCode":"T.D1"},
                  {"code":"T.S1","name":"Sở Một","level":"province","kind":"agency","parentCode":"T",
                      "externalIds":{"qcvn102":"000.01.00.H00"}}
                ]
                """
            )
        );
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task PutUnits_WhenSomeExist_CountsCreatedAndUpdated()
    {
        var response = await Admin.PutAsync(
            "/api/units",
            ProblemAssert.Json(
                """
                [
                  {"code":"T.D1","name":"Huyện Một (đổi tên)","level":"district","kind":"locality","parentCode":"T"},
                  {"code":"T.D2","name":"Huyện Hai","level":"district","kind":"locality","parentCode":"T"}
                ]
                """
            )
        );

        var counts = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(counts.GetProperty("created").GetInt32(), Is.EqualTo(1));
        Assert.That(counts.GetProperty("updated").GetInt32(), Is.EqualTo(1));
        var unit = await Admin.GetFromJsonAsync<JsonElement>("/api/units/T.D1");
        Assert.That(unit.GetProperty("name").GetString(), Is.EqualTo("Huyện Một (đổi tên)"));
    }

    [Test]
    public async Task GetUnit_WhenKnown_ReturnsAllFields()
    {
        var unit = await Admin.GetFromJsonAsync<JsonElement>("/api/units/T.S1");

        Assert.That(unit.GetProperty("level").GetString(), Is.EqualTo("province"));
        Assert.That(unit.GetProperty("kind").GetString(), Is.EqualTo("agency"));
        Assert.That(unit.GetProperty("parentCode").GetString(), Is.EqualTo("T"));
        Assert.That(unit.GetProperty("externalIds").GetProperty("qcvn102").GetString(), Is.EqualTo("000.01.00.H00"));
    }

    [Test]
    public async Task GetUnit_WhenUnknown_Is404NamingTheCode()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.GetAsync("/api/units/NOPE"),
            HttpStatusCode.NotFound
        );

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'NOPE'"));
    }

    [Test]
    public async Task PutUnits_WhenParentUnknown_Is400NamingTheUnitAndStoresNothing()
    {
        var response = await Admin.PutAsync(
            "/api/units",
            ProblemAssert.Json(
                """
                [
                  {"code":"T.D9","name":"Huyện Chín","level":"district","kind":"locality","parentCode":"T"},
                  {"code":"X.C1","name":"Xã","level":"commune","kind":"locality","parentCode":"X"}
                ]
                """
            )
        );

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(
            problem.GetProperty("errors").GetProperty("X.C1")[0].GetString(),
            Does.Contain("unknown parent 'X'")
        );
        Assert.That((await Admin.GetAsync("/api/units/T.D9")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task PutUnits_WhenACycleWouldForm_Is400NamingTheCycle()
    {
        var response = await Admin.PutAsync(
            "/api/units",
            ProblemAssert.Json(
                """
                [{"code":"T","name":"Tỉnh Thử","level":"province","kind":"locality","parentCode":"T.D1.C1"}]
                """
            )
        );

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").EnumerateObject().Single().Value[0].GetString();
        Assert.That(message, Does.Contain("own ancestor").And.Contain("T.D1.C1").And.Contain("T.D1"));
    }

    [TestCase("""[{"code":"","name":"A","level":"province","kind":"locality"}]""", "units[0].Code")]
    [TestCase("""[{"code":"A","name":"A","level":"region","kind":"locality"}]""", "units[0].Level")]
    [TestCase("""[{"code":"A","name":"A","level":"province","kind":"people"}]""", "units[0].Kind")]
    [TestCase("""[{"code":"../etc","name":"A","level":"province","kind":"locality"}]""", "units[0].Code")]
    [TestCase(
        """
            [{"code":"A","name":"A","level":"province","kind":"locality","validFrom":"2024-02-01",
            "validTo":"2024-01-01"}]
            """,
        "units[0].ValidTo"
    )]
    [TestCase("""[]""", "")]
    public async Task PutUnits_WhenAFieldIsInvalid_Is400NamingTheField(string body, string field)
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync("/api/units", ProblemAssert.Json(body)),
            HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.ToString());
    }

    [TestCase("""[{"code":"A",""", "")]
    [TestCase(
        """[{"code":"A","name":"A","level":"province","kind":"locality","validFrom":"yesterday"}]""",
        "$[0].validFrom"
    )]
    [TestCase("""{"code":"A"}""", "$")]
    public async Task PutUnits_WhenJsonIsMalformed_Is400WithWhere(string body, string path)
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await Admin.PutAsync("/api/units", ProblemAssert.Json(body)),
            HttpStatusCode.BadRequest
        );

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("not valid JSON"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(path));
    }

    [Test]
    public async Task PutUnits_WhenContentTypeIsNotJson_Is415()
    {
        var response = await Admin.PutAsync(
            "/api/units",
            new StringContent("[]", System.Text.Encoding.UTF8, "text/plain")
        );

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }
}
