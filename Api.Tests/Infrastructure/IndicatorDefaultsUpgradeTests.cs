using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Indicators;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>Built-in indicators stored before they had descriptions, or names in each language, get them at start; a
/// province's own names, descriptions and bands stay.</summary>
public sealed class IndicatorDefaultsUpgradeTests
{
    [Test]
    public async Task Ensure_WhenABuiltInHasNoDescription_GivesItOneAndKeepsTheRest()
    {
        using var factory = new ScorecardFactory();
        using var admin = factory.AdminClient();
        (
            await admin.PutAsync(
                "/api/indicators/digitisation/bands",
                ProblemAssert.Json("""{"validFrom":"2020-01-01","bands":[{"min":0,"color":"yellow"}]}""")
            )
        ).EnsureSuccessStatusCode();
        var db = factory.Services.GetRequiredService<DbConnectionFactory>();
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "UPDATE indicators SET description = NULL, description_en = NULL, name = 'Số hóa', name_en = NULL "
                    + "WHERE code = 'digitisation'"
            );
        }

        await factory
            .Services.GetRequiredService<IndicatorStore>()
            .EnsureAsync(IndicatorDefaults.All, AuditStamp.System(DateTimeOffset.UtcNow), CancellationToken.None);

        var digitisation = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/digitisation");
        Assert.That(digitisation.GetProperty("description").GetString(), Does.StartWith("4.2: hồ sơ được số hóa"));
        Assert.That(digitisation.GetProperty("name").GetString(), Is.EqualTo("Số hóa"));
        Assert.That(
            digitisation.GetProperty("names").GetProperty("en").ValueKind,
            Is.EqualTo(JsonValueKind.Null),
            "a province's own name has no English the service could know"
        );
        Assert.That(
            digitisation.GetProperty("bands")[0].GetProperty("bands")[0].GetProperty("color").GetString(),
            Is.EqualTo("yellow")
        );
    }

    [Test]
    public async Task Ensure_WhenABuiltInHasItsFormerMixedNameAndEnglishDescription_NamesItInEachLanguage()
    {
        using var factory = new ScorecardFactory();
        using var admin = factory.AdminClient();
        var db = factory.Services.GetRequiredService<DbConnectionFactory>();
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        {
            // As stored before names had two languages.
            await connection.ExecuteAsync(
                """
                UPDATE indicators SET name = 'Số hóa hồ sơ (digitisation)', name_en = NULL, description_en = NULL,
                    description = '4.2: dossiers digitised (for a paper-result procedure, also with an electronic '
                        || 'result) ÷ dossiers received.'
                WHERE code = 'digitisation'
                """
            );
        }

        await factory
            .Services.GetRequiredService<IndicatorStore>()
            .EnsureAsync(IndicatorDefaults.All, AuditStamp.System(DateTimeOffset.UtcNow), CancellationToken.None);

        var digitisation = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/digitisation");
        var names = digitisation.GetProperty("names");
        var descriptions = digitisation.GetProperty("descriptions");
        Assert.That(names.GetProperty("vi").GetString(), Is.EqualTo("Số hóa hồ sơ"));
        Assert.That(names.GetProperty("en").GetString(), Is.EqualTo("Digitisation"));
        Assert.That(descriptions.GetProperty("vi").GetString(), Does.StartWith("4.2: hồ sơ được số hóa"));
        Assert.That(descriptions.GetProperty("en").GetString(), Does.StartWith("4.2: dossiers digitised"));
    }

    [Test]
    public async Task Ensure_WhenAProvinceDescribedABuiltIn_KeepsItsDescriptionAndAddsTheEnglishName()
    {
        using var factory = new ScorecardFactory();
        using var admin = factory.AdminClient();
        var db = factory.Services.GetRequiredService<DbConnectionFactory>();
        await using (var connection = await db.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                """
                UPDATE indicators SET name = 'Hồ sơ giải quyết đúng hạn (on-time resolution)', name_en = NULL,
                    description = 'Theo Kế hoạch 12 của tỉnh.', description_en = NULL
                WHERE code = 'on-time'
                """
            );
        }

        await factory
            .Services.GetRequiredService<IndicatorStore>()
            .EnsureAsync(IndicatorDefaults.All, AuditStamp.System(DateTimeOffset.UtcNow), CancellationToken.None);

        var onTime = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/on-time");
        Assert.That(onTime.GetProperty("names").GetProperty("vi").GetString(), Is.EqualTo("Hồ sơ giải quyết đúng hạn"));
        Assert.That(onTime.GetProperty("names").GetProperty("en").GetString(), Is.EqualTo("On-time resolution"));
        Assert.That(
            onTime.GetProperty("descriptions").GetProperty("vi").GetString(),
            Is.EqualTo("Theo Kế hoạch 12 của tỉnh.")
        );
        Assert.That(onTime.GetProperty("descriptions").GetProperty("en").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
