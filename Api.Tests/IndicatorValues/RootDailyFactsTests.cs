using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Tests.Support;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Api.Tests.IndicatorValues;

/// <summary>
/// The provinces' daily rollup (<c>root_daily_facts</c>): the refresh writes each root's days summed over its subtree,
/// and a root's series reads a month from it only while the month is covered and not marked since; otherwise from the
/// units' days. Dossiers of the test province P: D1 at P.A.1 on 3 March 2025, D2 at P.B.1 on 3 March, D3 at P.A.2 on
/// 10 March, D4 at P itself on 7 April; D1 and D3 were submitted at the desk, D2 and D4 online.
/// </summary>
public sealed class RootDailyFactsTests
{
    private const string Series = "/api/series?unitCode=P&indicator=channel-direct&from=2025-03-01&to=2025-04-30";

    private ScorecardFactory factory = null!;
    private HttpClient admin = null!;

    [SetUp]
    public async Task StartAsync()
    {
        factory = new ScorecardFactory(new() { ["IndicatorValues:RefreshSeconds"] = "3600" });
        admin = factory.AdminClient();
        await TestProvince.SeedAsync(admin);
        (
            await TestProvince.PostAsync(
                admin,
                Received("D1", "2025-03-03T08:00:00+07:00", "P.A.1", "direct"),
                Received("D2", "2025-03-03T09:00:00+07:00", "P.B.1", "online"),
                Received("D3", "2025-03-10T08:00:00+07:00", "P.A.2", "direct"),
                Received("D4", "2025-04-07T08:00:00+07:00", "P", "online")
            )
        ).EnsureSuccessStatusCode();
    }

    [TearDown]
    public void Stop()
    {
        admin.Dispose();
        factory.Dispose();
    }

    private Task<int> RefreshAsync() =>
        factory.Services.GetRequiredService<IndicatorValuesRefresher>().RefreshNowAsync(CancellationToken.None);

    private static object Received(string id, string at, string unit, string channel) =>
        new
        {
            id = id + "-r",
            dossierCode = id,
            type = "received",
            at,
            procedureCode = "1.000001",
            unitCode = unit,
            channel,
        };

    /// <summary>Each day's desk submissions of P, as (day, numerator, denominator), days with dossiers only.</summary>
    private async Task<List<(string Day, long Direct, long Received)>> DaysAsync()
    {
        var series = await admin.GetFromJsonAsync<JsonElement>(Series + "&interval=day");
        return
        [
            .. series
                .GetProperty("points")
                .EnumerateArray()
                .Where(p => p.GetProperty("denominator").GetInt64() > 0)
                .Select(p =>
                    (
                        p.GetProperty("period").GetString()!,
                        p.GetProperty("numerator").GetInt64(),
                        p.GetProperty("denominator").GetInt64()
                    )
                ),
        ];
    }

    private async Task<List<(string Day, long Received)>> RollupAsync()
    {
        await using var connection = await factory.OpenDatabaseAsync();
        return
        [
            .. await connection.QueryAsync<(string, long)>(
                "SELECT f.day, f.received FROM root_daily_facts f INNER JOIN units u ON u.id = f.unit_id "
                    + "WHERE u.code = 'P' AND f.received > 0 ORDER BY f.day"
            ),
        ];
    }

    /// <summary>Overwrites a day of the rollup, through the service's own connections.</summary>
    private async Task SetRolledUpReceivedAsync(string day, long received)
    {
        await using var connection = await factory
            .Services.GetRequiredService<DbConnectionFactory>()
            .OpenAsync(CancellationToken.None);
        var changed = await connection.ExecuteAsync(
            "UPDATE root_daily_facts SET received = @Received WHERE day = @Day",
            new { Day = day, Received = received }
        );
        Assert.That(changed, Is.EqualTo(1));
    }

    /// <summary>The province-level units of the whole tree as the map answers them: code → (desk submissions,
    /// dossiers received) in March 2025.</summary>
    private async Task<Dictionary<string, (long Direct, long Received)>> ProvincesInMarchAsync()
    {
        var map = await admin.GetFromJsonAsync<JsonElement>(
            "/api/map?indicator=channel-direct&period=2025-03&level=province"
        );
        return map.GetProperty("units")
            .EnumerateArray()
            .ToDictionary(
                u => u.GetProperty("code").GetString()!,
                u => (u.GetProperty("numerator").GetInt64(), u.GetProperty("denominator").GetInt64())
            );
    }

    /// <summary>A province-level agency P.T under P, with one desk dossier D6 on 12 March (P counts it too).</summary>
    private async Task AddAgencyWithADossierAsync()
    {
        (
            await admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """[{"code":"P.T","name":"Sở Tư pháp","level":"province","kind":"agency","parentCode":"P"}]"""
                )
            )
        ).EnsureSuccessStatusCode();
        (
            await TestProvince.PostAsync(admin, Received("D6", "2025-03-12T08:00:00+07:00", "P.T", "direct"))
        ).EnsureSuccessStatusCode();
    }

    private static readonly (string, long, long)[] Expected =
    [
        ("2025-03-03", 1, 2),
        ("2025-03-10", 1, 1),
        ("2025-04-07", 0, 1),
    ];

    [Test]
    public async Task Refresh_WritesEachRootsDaysSummedOverItsSubtree()
    {
        Assert.That(await RollupAsync(), Is.Empty, "nothing before the first refresh");

        await RefreshAsync();

        Assert.That(
            await RollupAsync(),
            Is.EqualTo(new (string, long)[] { ("2025-03-03", 2), ("2025-03-10", 1), ("2025-04-07", 1) })
        );
        Assert.That(await DaysAsync(), Is.EqualTo(Expected));
    }

    [Test]
    public async Task Series_OfARoot_ReadsARefreshedMonthFromTheRollup()
    {
        await RefreshAsync();

        // Only the rollup says 5 on 10 March: the series shows what it reads.
        await SetRolledUpReceivedAsync("2025-03-10", 5);

        Assert.That(
            await DaysAsync(),
            Is.EqualTo(new (string, long, long)[] { Expected[0], ("2025-03-10", 1, 5), Expected[2] })
        );
    }

    [Test]
    public async Task Series_OfARoot_ReadsAMonthMarkedSinceTheRefreshFromTheUnitsDays()
    {
        await RefreshAsync();
        await SetRolledUpReceivedAsync("2025-03-10", 5);

        (
            await TestProvince.PostAsync(admin, Received("D5", "2025-03-10T10:00:00+07:00", "P.A.1", "online"))
        ).EnsureSuccessStatusCode();

        // March is marked: its days are read from the units' facts (the rollup's 5 is not), April still from the
        // rollup.
        Assert.That(
            await DaysAsync(),
            Is.EqualTo(new (string, long, long)[] { Expected[0], ("2025-03-10", 1, 2), Expected[2] })
        );
        await RefreshAsync();
        Assert.That(await RollupAsync(), Does.Contain(("2025-03-10", 2L)));
    }

    [Test]
    public async Task Series_OfARoot_WhileEverythingIsMarked_ReadsTheUnitsDays()
    {
        await RefreshAsync();
        await SetRolledUpReceivedAsync("2025-04-07", 9);

        (
            await admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """[{"code":"P.C","name":"Huyện C","level":"district","kind":"locality","parentCode":"P"}]"""
                )
            )
        ).EnsureSuccessStatusCode();

        Assert.That(await DaysAsync(), Is.EqualTo(Expected));
    }

    [Test]
    public async Task ProvinceMap_ReadsTheRootsRefreshedMonthFromTheRollup_AndTheOtherUnitsFromTheirFacts()
    {
        await AddAgencyWithADossierAsync();
        await RefreshAsync();

        // Only the rollup says 5 on 10 March. P: desk D1, D3, D6 of 3 + 5 + 1 received; P.T (not a root): its own D6.
        await SetRolledUpReceivedAsync("2025-03-10", 5);

        var provinces = await ProvincesInMarchAsync();
        Assert.Multiple(() =>
        {
            Assert.That(provinces["P"], Is.EqualTo((3L, 8L)));
            Assert.That(provinces["P.T"], Is.EqualTo((1L, 1L)));
        });
    }

    [Test]
    public async Task ProvinceMap_ReadsAMonthMarkedSinceTheRefreshFromTheUnitsFacts()
    {
        await AddAgencyWithADossierAsync();
        await RefreshAsync();
        await SetRolledUpReceivedAsync("2025-03-10", 5);

        (
            await TestProvince.PostAsync(admin, Received("D5", "2025-03-10T10:00:00+07:00", "P.A.1", "online"))
        ).EnsureSuccessStatusCode();

        // March is marked: P's counts are its units' (D1, D2, D3, D5, D6; desk D1, D3, D6), not the rollup's.
        Assert.That((await ProvincesInMarchAsync())["P"], Is.EqualTo((3L, 5L)));
        await RefreshAsync();
        Assert.That((await ProvincesInMarchAsync())["P"], Is.EqualTo((3L, 5L)), "the rollup rewritten by the refresh");
    }
}
