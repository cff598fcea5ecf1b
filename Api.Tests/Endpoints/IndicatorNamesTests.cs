using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>An admin names an indicator in Vietnamese and English (PUT /api/indicators).</summary>
public sealed class IndicatorNamesTests : ApiFixture
{
    private async Task<HttpStatusCode> PutAsync(string body)
    {
        using var response = await Admin.PutAsync("/api/indicators", ProblemAssert.Json(body));
        return response.StatusCode;
    }

    private async Task<JsonElement> GetAsync(string code, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/indicators/{code}");
        request.Headers.Add("Accept-Language", language);
        using var response = await Admin.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Test]
    public async Task Put_WithNamesAndDescriptions_StoresEachLanguage()
    {
        var status = await PutAsync(
            """
            [{"code":"vneid","names":{"vi":"Kích hoạt VNeID","en":"VNeID activation"},
              "descriptions":{"vi":"Tài khoản VNeID đã kích hoạt ÷ dân số.",
              "en":"Activated VNeID accounts ÷ population."}}]
            """
        );

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        var en = await GetAsync("vneid", "en");
        var vi = await GetAsync("vneid", "vi");
        Assert.That(en.GetProperty("name").GetString(), Is.EqualTo("VNeID activation"));
        Assert.That(en.GetProperty("description").GetString(), Is.EqualTo("Activated VNeID accounts ÷ population."));
        Assert.That(vi.GetProperty("name").GetString(), Is.EqualTo("Kích hoạt VNeID"));
        Assert.That(vi.GetProperty("description").GetString(), Is.EqualTo("Tài khoản VNeID đã kích hoạt ÷ dân số."));
    }

    [Test]
    public async Task Put_WithOnlyAName_AnswersItInEnglishToo()
    {
        Assert.That(await PutAsync("""[{"code":"kiosk","name":"Ki-ốt tự phục vụ"}]"""), Is.EqualTo(HttpStatusCode.OK));

        var en = await GetAsync("kiosk", "en");
        Assert.That(en.GetProperty("name").GetString(), Is.EqualTo("Ki-ốt tự phục vụ"));
        Assert.That(en.GetProperty("names").GetProperty("en").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Put_TheListingsAnswerInEnglish_StoresItUnchanged()
    {
        Assert.That(
            await PutAsync("""[{"code":"desk","names":{"vi":"Một cửa","en":"One-stop desk"}}]"""),
            Is.EqualTo(HttpStatusCode.OK)
        );
        var en = await GetAsync("desk", "en");

        Assert.That(await PutAsync($"[{en.GetRawText()}]"), Is.EqualTo(HttpStatusCode.OK));
        var vi = await GetAsync("desk", "vi");
        Assert.That(vi.GetProperty("name").GetString(), Is.EqualTo("Một cửa"));
        Assert.That(vi.GetProperty("names").GetProperty("en").GetString(), Is.EqualTo("One-stop desk"));
    }

    [TestCase("""[{"code":"x1"}]""", "indicators[0].name")]
    [TestCase("""[{"code":"x1","names":{"en":"Only English"}}]""", "indicators[0].name")]
    [TestCase("""[{"code":"x1","name":"Khác","names":{"vi":"Một","en":"One"}}]""", "indicators[0].Name")]
    [TestCase("""[{"code":"x1","names":{"vi":"Một","en":" "}}]""", "indicators[0].names.en")]
    public async Task Put_WithoutAVietnameseNameOrWithTwoThatDiffer_Is400NamingTheField(string body, string field)
    {
        using var response = await Admin.PutAsync("/api/indicators", ProblemAssert.Json(body));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name),
            Has.Some.EqualTo(field).IgnoreCase
        );
    }
}
