using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Audit;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Indicators;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>Built-in indicators stored before they had descriptions get them at start; a province's own weights
/// and bands stay.</summary>
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
                "UPDATE indicators SET description = NULL, name = 'Số hóa' WHERE code = 'digitisation'"
            );
        }

        await factory
            .Services.GetRequiredService<IndicatorStore>()
            .EnsureAsync(IndicatorDefaults.All, AuditStamp.System(DateTimeOffset.UtcNow), CancellationToken.None);

        var digitisation = await admin.GetFromJsonAsync<JsonElement>("/api/indicators/digitisation");
        Assert.That(digitisation.GetProperty("description").GetString(), Does.StartWith("4.2: "));
        Assert.That(digitisation.GetProperty("name").GetString(), Is.EqualTo("Số hóa"));
        Assert.That(
            digitisation.GetProperty("bands")[0].GetProperty("bands")[0].GetProperty("color").GetString(),
            Is.EqualTo("yellow")
        );
    }
}
