using System.Globalization;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Tests.Support;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// The figures once counted over the dossiers and now summed from the facts equal their rule applied to every stored
/// dossier one by one (README "Definitions"): the national on-time figure and the procedure reach (3.5b, 4.5a).
/// 400 random dossiers of February to June 2025 in the test province and nine procedures (some withdrawn, refused,
/// resolved late, with one or two supplement requests, one left pending, no deadline, ended after an instant the
/// figure is judged at; some paid online, some with VNeID), read for days, weeks, months, a quarter, a half-year
/// and a range with partial months, over and while they run, through every shape the portal and the refresher use.
/// </summary>
public sealed class FiguresFromFactsTests : ApiFixture
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private List<StoredDossier> dossiers = null!;
    private Dictionary<string, int> unitIds = null!;
    private List<(int Ancestor, int Descendant)> closure = null!;
    private Dictionary<int, string> levels = null!;
    private Dictionary<int, StoredProcedure> procedures = null!;

    private NationalOnTimeQuery Query => Factory.Services.GetRequiredService<NationalOnTimeQuery>();

    private ProcedureReachQuery Reach => Factory.Services.GetRequiredService<ProcedureReachQuery>();

    private static readonly string[] ProcedureCodes =
    [
        "1.000001",
        "1.000003",
        "2.000001",
        "2.000002",
        "2.000003",
        "2.000004",
        "2.000005",
        "2.000006",
        "2.000007",
    ];

    private static IEnumerable<Period> Periods()
    {
        for (var month = 2; month <= 7; month++)
        {
            yield return Period.Month(2025, month);
        }

        yield return Period.Parse("2025-Q2");
        yield return Period.Parse("2025-H1");
        yield return Period.Parse("2025-W14");
        yield return Period.Parse("2025-W22");
        yield return Period.Parse("2025-03-31");
        yield return Period.Parse("2025-06-30");
        yield return Period.Range(new DateOnly(2025, 3, 15), new DateOnly(2025, 5, 10));
        yield return Period.Range(new DateOnly(2024, 12, 20), new DateOnly(2025, 3, 10));
    }

    /// <summary>After everything, and instants while the periods run.</summary>
    private static IEnumerable<DateTimeOffset> Instants() =>
        [
            new(2025, 12, 1, 0, 0, 0, Vietnam),
            new(2025, 3, 31, 10, 30, 0, Vietnam),
            new(2025, 5, 15, 16, 45, 0, Vietnam),
            new(2025, 6, 30, 23, 59, 0, Vietnam),
        ];

    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await Admin.PutAsync(
                "/api/procedures",
                ProblemAssert.Json($"[{string.Join(",", Enumerable.Range(1, 7).Select(ExtraProcedure))}]")
            )
        ).EnsureSuccessStatusCode();
        var random = new Random(20250401);
        var events = new List<object>();
        for (var i = 0; i < 400; i++)
        {
            events.AddRange(RandomDossier(random, $"F{i:D3}"));
        }

        foreach (var batch in events.Chunk(500))
        {
            (await TestProvince.PostAsync(Admin, batch)).EnsureSuccessStatusCode();
        }

        await using var connection = await Factory.OpenDatabaseAsync();
        dossiers =
        [
            .. await connection.QueryAsync<StoredDossier>(
                """
                SELECT unit_id AS UnitId, received_at AS ReceivedAt, ended_at AS EndedAt, ended_in_time AS EndedInTime,
                       supplement_count AS SupplementCount, due_at AS DueAt, procedure_id AS ProcedureId,
                       paid_online AS PaidOnline, population_db_used OR vneid_authenticated AS PopulationDb
                FROM dossiers
                """
            ),
        ];
        unitIds = (await connection.QueryAsync<(long Id, string Code)>("SELECT id, code FROM units")).ToDictionary(
            u => u.Code,
            u => (int)u.Id
        );
        levels = (await connection.QueryAsync<(long Id, string Level)>("SELECT id, level FROM units")).ToDictionary(
            u => (int)u.Id,
            u => u.Level
        );
        procedures = (
            await connection.QueryAsync<StoredProcedure>(
                "SELECT id AS Id, level AS Level, has_fee AS HasFee, person_applicant AS Person FROM procedures"
            )
        ).ToDictionary(p => p.Id);
        closure =
        [
            .. (
                await connection.QueryAsync<(long A, long D)>("SELECT ancestor_id, descendant_id FROM unit_closure")
            ).Select(c => ((int)c.A, (int)c.D)),
        ];
    }

    /// <summary>The two ways a level read finds the communes: under the province, and in the whole tree; each with
    /// the label its assertion gives.</summary>
    private static (int? Parent, string Whose)[] CommuneReads(int province) =>
        [(province, "communes "), (null, "communes of the whole tree ")];

    [Test]
    public void Seed_Always_CoversEveryCase()
    {
        Assert.That(dossiers, Has.Count.EqualTo(400));
        Assert.That(dossiers.Count(d => d.EndedAt is null), Is.GreaterThan(30), "open");
        Assert.That(dossiers.Count(d => d.SupplementCount > 1), Is.GreaterThan(20), "two requests");
        Assert.That(dossiers.Count(d => d.EndedInTime == false), Is.GreaterThan(20), "ended late");
        Assert.That(dossiers.Count(d => d.DueAt is null), Is.GreaterThan(10), "no deadline");
        Assert.That(
            dossiers.Count(d => d.EndedAt is null && d.DueAt < new DateTimeOffset(2025, 5, 15, 0, 0, 0, Vietnam)),
            Is.GreaterThan(10),
            "open and late"
        );
    }

    [Test]
    public async Task ForUnit_InEveryPeriodAndInstant_EqualsTheRuleDossierByDossier()
    {
        var compared = 0;
        foreach (var period in Periods())
        {
            foreach (var asOf in Instants())
            {
                foreach (var (code, id) in unitIds)
                {
                    foreach (var subtree in new[] { true, false })
                    {
                        var actual = await Query.ForUnitAsync(id, subtree, period.Start, period.End, asOf, default);
                        var expected = Expected(period, asOf, d => subtree ? InSubtree(id, d) : d.UnitId == id);
                        Assert.That(actual, Is.EqualTo(expected), $"{code} {period.Code} at {asOf:O} {subtree}");
                        compared += expected.Denominator > 0 ? 1 : 0;
                    }
                }
            }
        }

        Assert.That(compared, Is.GreaterThan(300));
    }

    [Test]
    public async Task GroupedShapes_InEveryPeriodAndInstant_EqualTheRuleDossierByDossier()
    {
        var province = unitIds["P"];
        foreach (var period in Periods())
        {
            foreach (var asOf in Instants())
            {
                var what = $"{period.Code} at {asOf:O}";
                Assert.That(
                    await Query.PerUnitAsync(period.Start, period.End, asOf, default),
                    Is.EquivalentTo(PerUnit(period, asOf, (unit, d) => d.UnitId == unit)),
                    "own " + what
                );
                Assert.That(
                    await Query.EveryUnitAsync(period.Start, period.End, asOf, default),
                    Is.EquivalentTo(PerUnit(period, asOf, InSubtree)),
                    "subtree " + what
                );
                foreach (var (parent, whose) in CommuneReads(province))
                {
                    Assert.That(
                        await Query.PerUnitOfLevelAsync(
                            new UnitsOfLevel(parent, "commune"),
                            period.Start,
                            period.End,
                            asOf,
                            default
                        ),
                        Is.EquivalentTo(PerUnit(period, asOf, InSubtree).Where(p => levels[p.Key] == "commune")),
                        whose + what
                    );
                }

                Assert.That(
                    await Query.ByHandlerLevelAsync(province, period.Start, period.End, asOf, default),
                    Is.EquivalentTo(
                        levels
                            .Values.Distinct()
                            .Select(level =>
                                KeyValuePair.Create(level, Expected(period, asOf, d => levels[d.UnitId] == level))
                            )
                            .Where(p => p.Value.Denominator > 0)
                    ),
                    "levels " + what
                );
            }
        }
    }

    [Test]
    public async Task Series_OfDaysAndWeeks_EqualsEachPointsRule()
    {
        var asOf = new DateTimeOffset(2025, 5, 15, 16, 45, 0, Vietnam);
        var days = Enumerable.Range(0, 31).Select(i => Period.Day(new DateOnly(2025, 5, 1).AddDays(i))).ToList();
        var weeks = new[] { "2025-W10", "2025-W15", "2025-W20", "2025-W21" }.Select(Period.Parse).ToList();
        foreach (var points in new[] { days, weeks })
        {
            foreach (var (code, subtree) in new[] { ("P", true), ("P.A.1", false) })
            {
                var id = unitIds[code];
                var series = await Query.SeriesAsync(id, subtree, points, asOf, default);
                Assert.That(
                    series,
                    Is.EqualTo(points.Select(p => Expected(p, asOf, d => subtree ? InSubtree(id, d) : d.UnitId == id))),
                    code
                );
            }
        }
    }

    [Test]
    public async Task Reach_InEveryPeriod_EqualsTheDistinctProceduresOfTheDossiers()
    {
        var province = unitIds["P"];
        var counted = 0;
        foreach (var period in Periods())
        {
            var every = await Reach.EveryUnitAsync(period.Start, period.End, default);
            var expected = unitIds
                .Values.Select(unit => KeyValuePair.Create(unit, ExpectedReach(period, unit)))
                .Where(p => p.Value != default)
                .ToList();
            Assert.That(every, Is.EquivalentTo(expected), "every unit " + period.Code);
            foreach (var (parent, whose) in CommuneReads(province))
            {
                Assert.That(
                    await Reach.PerUnitOfLevelAsync(
                        new UnitsOfLevel(parent, "commune"),
                        period.Start,
                        period.End,
                        default
                    ),
                    Is.EquivalentTo(expected.Where(p => levels[p.Key] == "commune")),
                    whose + period.Code
                );
            }
            foreach (var (code, id) in unitIds)
            {
                Assert.That(
                    await Reach.ForUnitAsync(id, period.Start, period.End, default),
                    Is.EqualTo(ExpectedReach(period, id)),
                    code + " " + period.Code
                );
            }

            var pairs = await Reach.PairsAsync(period.Start, period.End, default);
            var expectedPairs = dossiers
                .Where(d => period.Contains(d.ReceivedAt))
                .GroupBy(d => (d.UnitId, d.ProcedureId))
                .Select(g =>
                {
                    var p = procedures[g.Key.ProcedureId];
                    return new ProcedureUse(
                        g.Key.UnitId,
                        g.Key.ProcedureId,
                        p.Level,
                        p.HasFee && g.Any(d => d.PaidOnline),
                        p.Person && g.Any(d => d.PopulationDb)
                    );
                })
                .Where(u => u.PaidOnline || u.PopulationDb);
            Assert.That(pairs, Is.EquivalentTo(expectedPairs), "pairs " + period.Code);
            counted += expected.Sum(p => (int)(p.Value.PaidOnline + p.Value.PopulationDb));
        }

        Assert.That(counted, Is.GreaterThan(100));
    }

    private ProcedureReach ExpectedReach(Period period, int unit)
    {
        var used = dossiers
            .Where(d => InSubtree(unit, d) && period.Contains(d.ReceivedAt))
            .Where(d => procedures[d.ProcedureId].Level == levels[unit])
            .ToList();
        return new ProcedureReach(
            used.Where(d => d.PaidOnline && procedures[d.ProcedureId].HasFee)
                .Select(d => d.ProcedureId)
                .Distinct()
                .Count(),
            used.Where(d => d.PopulationDb && procedures[d.ProcedureId].Person)
                .Select(d => d.ProcedureId)
                .Distinct()
                .Count()
        );
    }

    private static string ExtraProcedure(int i) =>
        $$$"""
            {"code":"2.00000{{{i}}}","name":"Thủ tục {{{i}}}","field":"Thử","level":"{{{(
                i == 7 ? "district" : "commune"
            )}}}",
             "onlineService":"full","integrated":true,"hasFee":{{{(i % 3 != 0 ? "true" : "false")}}},
             "personApplicant":{{{(i % 2 == 1 ? "true" : "false")}}},"processingTime":{"value":5,"unit":"working-days"}}
            """;

    /// <summary>The rule, dossier by dossier, on the stored dossiers.</summary>
    private Ratio Expected(Period period, DateTimeOffset asOf, Func<StoredDossier, bool> counted)
    {
        var at = asOf < period.End ? asOf : period.End;
        long numerator = 0,
            denominator = 0;
        foreach (var d in dossiers.Where(counted))
        {
            var openAtStart = d.ReceivedAt < period.Start && (d.EndedAt is null || d.EndedAt >= period.Start);
            if (d.ReceivedAt >= period.End || (d.ReceivedAt < period.Start && !openAtStart))
            {
                continue;
            }

            denominator++;
            var endedInPeriod = d.EndedAt is { } end && end < period.End;
            var inTime = endedInPeriod
                ? d.EndedInTime == true
                : d.SupplementCount <= 1 && (d.DueAt is null || d.DueAt >= at);
            numerator += inTime ? 1 : 0;
        }

        return new Ratio(numerator, denominator);
    }

    private IEnumerable<KeyValuePair<int, Ratio>> PerUnit(
        Period period,
        DateTimeOffset asOf,
        Func<int, StoredDossier, bool> counted
    ) =>
        unitIds
            .Values.Select(unit => KeyValuePair.Create(unit, Expected(period, asOf, d => counted(unit, d))))
            .Where(p => p.Value.Denominator > 0);

    private bool InSubtree(int ancestor, StoredDossier d) => closure.Contains((ancestor, d.UnitId));

    private static IEnumerable<object> RandomDossier(Random random, string code)
    {
        string[] units = ["P.A.1", "P.A.2", "P.B.1", "P.A.1", "P.A"];
        var procedure = ProcedureCodes[random.Next(ProcedureCodes.Length)];
        var received = new DateTimeOffset(2025, 2, 1, 7, 0, 0, Vietnam)
            .AddDays(random.Next(0, 150))
            .AddMinutes(random.Next(0, 12 * 60));
        var receivedEvent = new Dictionary<string, object>
        {
            ["id"] = code + "-r",
            ["dossierCode"] = code,
            ["type"] = "received",
            ["at"] = Text(received),
            ["procedureCode"] = procedure,
            ["vneidAuthenticated"] = random.Next(10) < 3,
            ["unitCode"] = units[random.Next(units.Length)],
            ["channel"] = random.Next(2) == 0 ? "online" : "direct",
        };
        if (random.Next(3) > 0)
        {
            receivedEvent["dueAt"] = Text(received.AddHours(random.Next(2, 24 * 20)));
        }

        yield return receivedEvent;
        if (random.Next(10) < 4)
        {
            yield return new Dictionary<string, object>
            {
                ["id"] = code + "-p",
                ["dossierCode"] = code,
                ["type"] = "paid",
                ["at"] = Text(received.AddMinutes(30)),
                ["method"] = "online",
                ["amount"] = 10_000,
                ["via"] = "portal",
            };
        }

        var at = received;
        var requests = random.Next(10) switch
        {
            < 6 => 0,
            < 8 => 1,
            _ => 2,
        };
        for (var r = 1; r <= requests; r++)
        {
            at = at.AddHours(random.Next(1, 72));
            yield return Event(code, "supplement-requested", at, r);
            if (r < requests || random.Next(4) > 0)
            {
                at = at.AddHours(random.Next(1, 72));
                yield return Event(code, "supplement-completed", at, r);
            }
        }

        var outcome = random.Next(20);
        at = at.AddHours(random.Next(1, 24 * 25));
        if (outcome < 12)
        {
            yield return Event(code, "resolved", at, 1);
        }
        else if (outcome < 14)
        {
            yield return Event(code, "withdrawn", at, 1);
        }
        else if (outcome < 15)
        {
            yield return Event(code, "refused", at, 1);
        }
    }

    private static Dictionary<string, object> Event(string code, string type, DateTimeOffset at, int n) =>
        new()
        {
            ["id"] = $"{code}-{type}-{n}",
            ["dossierCode"] = code,
            ["type"] = type,
            ["at"] = Text(at),
        };

    private static string Text(DateTimeOffset at) =>
        at.ToOffset(Vietnam).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private sealed class StoredDossier
    {
        public int UnitId { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public DateTimeOffset? EndedAt { get; init; }
        public bool? EndedInTime { get; init; }
        public int SupplementCount { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public int ProcedureId { get; init; }
        public bool PaidOnline { get; init; }
        public bool PopulationDb { get; init; }
    }

    private sealed class StoredProcedure
    {
        public int Id { get; init; }
        public string Level { get; init; } = "";
        public bool HasFee { get; init; }
        public bool Person { get; init; }
    }
}
