using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Scorecard.Api.Tests.Support;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>Names, labels and descriptions in Vietnamese or English, as Accept-Language chooses.</summary>
public sealed class LabelEndpointTests : ApiFixture
{
    protected override Task SeedAsync() => MarchDossiers.SeedAsync(Admin);

    private async Task<JsonElement> GetAsync(string url, string? language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (language is not null)
        {
            request.Headers.Add("Accept-Language", language);
        }

        using var response = await Admin.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Item(JsonElement items, string code) =>
        items.EnumerateArray().Single(i => i.GetProperty("code").GetString() == code);

    [TestCase(null, "vi", "Vàng", "Cấp xã", "Chờ bổ sung")]
    [TestCase("en", "en", "Yellow", "Commune level", "Awaiting supplement")]
    [TestCase("fr, en-GB;q=0.8", "en", "Yellow", "Commune level", "Awaiting supplement")]
    [TestCase("de", "vi", "Vàng", "Cấp xã", "Chờ bổ sung")]
    public async Task Labels_WhenAcceptLanguageIs_AnswersThatLanguageAndBoth(
        string? header,
        string language,
        string yellow,
        string commune,
        string awaiting
    )
    {
        var labels = await GetAsync("/api/labels", header);

        Assert.That(labels.GetProperty("language").GetString(), Is.EqualTo(language));
        var band = Item(labels.GetProperty("bands"), "yellow");
        Assert.That(band.GetProperty("label").GetString(), Is.EqualTo(yellow));
        Assert.That(band.GetProperty("labels").GetProperty("vi").GetString(), Is.EqualTo("Vàng"));
        Assert.That(band.GetProperty("labels").GetProperty("en").GetString(), Is.EqualTo("Yellow"));
        Assert.That(band.GetProperty("description").GetString(), Is.Not.Empty);
        Assert.That(
            Item(labels.GetProperty("levels"), "commune").GetProperty("label").GetString(),
            Is.EqualTo(commune)
        );
        Assert.That(
            Item(labels.GetProperty("statuses"), "awaiting-supplement").GetProperty("label").GetString(),
            Is.EqualTo(awaiting)
        );
    }

    [Test]
    public async Task Labels_ListEveryBandLevelKindStatusAndChannel()
    {
        var labels = await GetAsync("/api/labels", null);

        string[] Codes(string name) =>
            [.. labels.GetProperty(name).EnumerateArray().Select(l => l.GetProperty("code").GetString()!)];
        Assert.That(Codes("bands"), Is.EqualTo(new[] { "green", "yellow", "orange", "red", "none" }));
        Assert.That(Codes("levels"), Is.EqualTo(new[] { "province", "district", "commune" }));
        Assert.That(Codes("kinds"), Is.EqualTo(new[] { "locality", "agency" }));
        Assert.That(
            Codes("statuses"),
            Is.EqualTo(
                new[] { "received", "awaiting-supplement", "resolved", "returned", "stopped", "withdrawn", "refused" }
            )
        );
        Assert.That(Codes("channels"), Is.EqualTo(new[] { "online", "direct", "postal" }));
    }

    [TestCase(null, "Số hóa hồ sơ", "4.2: hồ sơ")]
    [TestCase("en", "Digitisation", "4.2: dossiers")]
    public async Task Indicator_WhenAcceptLanguageIs_NamesItInThatLanguage(
        string? header,
        string name,
        string description
    )
    {
        var indicator = await GetAsync("/api/indicators/digitisation", header);

        Assert.That(indicator.GetProperty("name").GetString(), Is.EqualTo(name));
        Assert.That(indicator.GetProperty("description").GetString(), Does.StartWith(description));
        Assert.That(indicator.GetProperty("names").GetProperty("vi").GetString(), Is.EqualTo("Số hóa hồ sơ"));
        Assert.That(indicator.GetProperty("names").GetProperty("en").GetString(), Is.EqualTo("Digitisation"));
        Assert.That(
            indicator.GetProperty("descriptions").GetProperty("en").GetString(),
            Does.StartWith("4.2: dossiers")
        );
    }

    [Test]
    public async Task Scorecard_InEnglish_NamesItsIndicatorsInEnglish()
    {
        var vi = await GetAsync("/api/scorecards/P?period=2025-03", null);
        var en = await GetAsync("/api/scorecards/P?period=2025-03", "en");

        Assert.That(
            Item(vi.GetProperty("indicators"), "on-time").GetProperty("name").GetString(),
            Is.EqualTo("Hồ sơ giải quyết đúng hạn")
        );
        Assert.That(
            Item(en.GetProperty("indicators"), "on-time").GetProperty("name").GetString(),
            Is.EqualTo("On-time resolution")
        );
    }

    [Test]
    public async Task Map_Rows_CarryTheUnitsNameAndParent()
    {
        var map = await GetAsync("/api/map?indicator=on-time&period=2025-03&parentCode=P&level=commune", null);

        var row = Item(map.GetProperty("units"), "P.A.1");
        Assert.That(row.GetProperty("name").GetString(), Is.EqualTo("Xã A1"));
        Assert.That(row.GetProperty("parentCode").GetString(), Is.EqualTo("P.A"));
    }

    [Test]
    public async Task Get_InEachLanguage_VariesByLanguageWithItsOwnETag()
    {
        async Task<(string? Tag, HttpResponseMessage Response)> SendAsync(string language)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/indicators/on-time");
            request.Headers.Add("Accept-Language", language);
            var response = await Admin.SendAsync(request);
            return (response.Headers.ETag?.Tag, response);
        }

        var (vi, viResponse) = await SendAsync("vi");
        var (en, enResponse) = await SendAsync("en");
        using (viResponse)
        using (enResponse)
        {
            Assert.That(viResponse.Headers.Vary, Does.Contain("Accept-Language"));
            Assert.That(vi, Is.Not.Null.And.Not.EqualTo(en));
        }

        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/indicators/on-time");
        again.Headers.Add("Accept-Language", "en");
        again.Headers.TryAddWithoutValidation("If-None-Match", vi);
        using var notModified = await Admin.SendAsync(again);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the Vietnamese tag is not the English one");
    }
}
