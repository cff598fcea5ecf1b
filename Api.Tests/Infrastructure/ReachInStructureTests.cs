using Microsoft.Extensions.DependencyInjection;
using Scorecard.Api.Reports;
using Scorecard.Api.Tests.Support;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Api.Tests.Infrastructure;

/// <summary>
/// The procedure reach (3.5b, 4.5a) of one unit in today's structure, read over the pieces of what it holds (whole
/// subtrees from procedure_reach or procedure_use, single units, and the dossiers of partial months), equals the
/// regroup of every unit-procedure pair and the rule applied dossier by dossier. The test province reorganised on
/// 1 July 2025: P.A.1 and P.A.2 merge into N.1; P.B.1 splits into N.2 and N.3 (primary); the district P.C ends into
/// the commune N.4 while its commune P.C.1 ends into N.5 (N.4 holds P.C alone); the district P.D and its commune
/// P.D.1 both end into the commune N.6 (N.6 holds a district's whole subtree). 500 random dossiers of 2025.
/// </summary>
public sealed class ReachInStructureTests : ApiFixture
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateOnly Today = new(2026, 1, 1);

    private static readonly string[] ProcedureCodes =
    [
        "1.000001",
        "1.000002",
        "1.000003",
        "3.000001",
        "3.000002",
        "3.000003",
        "3.000004",
        "3.000005",
        "3.000006",
    ];

    private static readonly string[] Before = ["P.A.1", "P.A.2", "P.B.1", "P.C", "P.C.1", "P.D", "P.D.1", "P.A"];
    private static readonly string[] After = ["N.1", "N.2", "N.3", "N.4", "N.5", "N.6"];

    private readonly List<(string Unit, string Procedure, DateTimeOffset At, bool Paid, bool Population)> received = [];

    private static IEnumerable<Period> Periods() =>
        [
            Period.Parse("2025"),
            Period.Parse("2025-06"),
            Period.Parse("2025-Q3"),
            Period.Parse("2025-07-10"),
            Period.Range(new DateOnly(2025, 6, 15), new DateOnly(2025, 7, 20)),
            Period.Range(new DateOnly(2024, 12, 20), new DateOnly(2025, 3, 10)),
        ];

    protected override async Task SeedAsync()
    {
        await TestProvince.SeedAsync(Admin);
        (
            await Admin.PutAsync(
                "/api/units",
                ProblemAssert.Json(
                    """
                    [
                      {"code":"N.1","name":"Xã mới 1","level":"commune","kind":"locality","parentCode":"P",
                          "validFrom":"2025-07-01"},
                      {"code":"N.2","name":"Xã mới 2","level":"commune","kind":"locality","parentCode":"P",
                          "validFrom":"2025-07-01"},
                      {"code":"N.3","name":"Xã mới 3","level":"commune","kind":"locality","parentCode":"P",
                          "validFrom":"2025-07-01"},
                      {"code":"N.4","name":"Xã mới 4","level":"commune","kind":"locality","parentCode":"P",
                          "validFrom":"2025-07-01"},
                      {"code":"N.5","name":"Xã mới 5","level":"commune","kind":"locality","parentCode":"P",
                          "validFrom":"2025-07-01"},
                      {"code":"N.6","name":"Xã mới 6","level":"commune","kind":"locality","parentCode":"P",
                          "validFrom":"2025-07-01"},
                      {"code":"P.A","name":"Huyện A","level":"district","kind":"locality","parentCode":"P",
                          "validTo":"2025-06-30"},
                      {"code":"P.B","name":"Huyện B","level":"district","kind":"locality","parentCode":"P",
                          "validTo":"2025-06-30"},
                      {"code":"P.C","name":"Huyện C","level":"district","kind":"locality","parentCode":"P",
                          "validTo":"2025-06-30","successorCodes":["N.4"]},
                      {"code":"P.D","name":"Huyện D","level":"district","kind":"locality","parentCode":"P",
                          "validTo":"2025-06-30","successorCodes":["N.6"]},
                      {"code":"P.A.1","name":"Xã A1","level":"commune","kind":"locality","parentCode":"P.A",
                          "validTo":"2025-06-30","successorCodes":["N.1"]},
                      {"code":"P.A.2","name":"Xã A2","level":"commune","kind":"locality","parentCode":"P.A",
                          "validTo":"2025-06-30","successorCodes":["N.1"]},
                      {"code":"P.B.1","name":"Xã B1","level":"commune","kind":"locality","parentCode":"P.B",
                          "validTo":"2025-06-30","successorCodes":["N.2","N.3"],"primarySuccessor":"N.3"},
                      {"code":"P.C.1","name":"Xã C1","level":"commune","kind":"locality","parentCode":"P.C",
                          "validTo":"2025-06-30","successorCodes":["N.5"]},
                      {"code":"P.D.1","name":"Xã D1","level":"commune","kind":"locality","parentCode":"P.D",
                          "validTo":"2025-06-30","successorCodes":["N.6"]}
                    ]
                    """
                )
            )
        ).EnsureSuccessStatusCode();
        (
            await Admin.PutAsync(
                "/api/procedures",
                ProblemAssert.Json($"[{string.Join(",", Enumerable.Range(1, 6).Select(ExtraProcedure))}]")
            )
        ).EnsureSuccessStatusCode();
        var random = new Random(20250701);
        var events = new List<object>();
        for (var i = 0; i < 500; i++)
        {
            events.AddRange(RandomDossier(random, $"R{i:D3}"));
        }

        foreach (var batch in events.Chunk(500))
        {
            (await TestProvince.PostAsync(Admin, batch)).EnsureSuccessStatusCode();
        }
    }

    [Test]
    public void Seed_Always_HoldsEveryKindOfPiece()
    {
        var holders = UnitHolders.On(ReadReference().Units, Today);

        Assert.That(holders.HeldCover("N.4"), Is.EqualTo((new[] { "N.4" }, new[] { "P.C" })), "a single unit");
        Assert.That(holders.HeldCover("N.6"), Is.EqualTo((new[] { "N.6", "P.D" }, Array.Empty<string>())));
        Assert.That(holders.HeldCover("N.1"), Is.EqualTo((new[] { "N.1", "P.A.1", "P.A.2" }, Array.Empty<string>())));
        Assert.That(received.Count(r => r.Paid), Is.GreaterThan(100));
        Assert.That(received.Count(r => r.Population), Is.GreaterThan(100));
    }

    [Test]
    public async Task ReachOfOneUnit_InTodaysStructure_EqualsEveryPairRegroupedAndTheRule()
    {
        var reference = ReadReference();
        var holders = UnitHolders.On(reference.Units, Today);
        var figures = Factory.Services.GetRequiredService<UnitFigures>();
        var valid = reference.Units.Units.Where(u => u.IsActiveOn(Today)).ToList();
        var compared = 0;
        foreach (var period in Periods())
        {
            var asOf = new DateTimeOffset(2026, 1, 1, 0, 0, 0, Vietnam);
            var each = await figures.InStructureAsync(
                reference,
                holders,
                period,
                OnTimeRule.National,
                asOf,
                valid,
                default
            );
            var all = await figures.InStructureAsync(
                reference,
                holders,
                period,
                OnTimeRule.National,
                asOf,
                null,
                default
            );
            foreach (var unit in valid)
            {
                foreach (
                    var (code, paid) in new[]
                    {
                        (IndicatorCodes.PaymentProcedures, true),
                        (IndicatorCodes.PopulationDbProcedures, false),
                    }
                )
                {
                    var one = each.Of(unit)[code]!.Value;
                    Assert.That(one, Is.EqualTo(all.Of(unit)[code]!.Value), $"{unit.Code} {period.Code} {code}");
                    Assert.That(
                        one.Numerator,
                        Is.EqualTo(Rule(reference, holders, unit, period, paid)),
                        $"{unit.Code} {period.Code} {code}"
                    );
                    compared += one.Numerator > 0 ? 1 : 0;
                }
            }
        }

        Assert.That(compared, Is.GreaterThan(40), "figures with procedures compared");
    }

    [Test]
    public async Task MapOfAnotherIndicator_InTodaysStructure_LeavesTheReachUnread()
    {
        var reference = ReadReference();
        var holders = UnitHolders.On(reference.Units, Today);
        var figures = Factory.Services.GetRequiredService<UnitFigures>();
        var read = await figures.InStructureAsync(
            reference,
            holders,
            Period.Parse("2025"),
            OnTimeRule.National,
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, Vietnam),
            [],
            default
        );

        var n1 = read.Of(reference.Units.Find("N.1")!);
        Assert.That(n1, Does.Not.ContainKey(IndicatorCodes.PaymentProcedures));
        Assert.That(n1[IndicatorCodes.OnTime]!.Value.Denominator, Is.GreaterThan(0));
        Assert.That(UnitFigures.NeedsReach(IndicatorCodes.OnTime), Is.False);
        Assert.That(UnitFigures.NeedsReach("index.progress"), Is.True);
        Assert.That(UnitFigures.NeedsReach(IndicatorCodes.PaymentProcedures), Is.True);
    }

    /// <summary>Distinct procedures of the unit's level received in the period at a unit it holds, with a fee and paid
    /// online (or open to citizens and using the population database).</summary>
    private long Rule(ReferenceData reference, UnitHolders holders, Unit unit, Period period, bool paid)
    {
        var held = holders.HeldUnder(unit.Code).ToHashSet(StringComparer.Ordinal);
        return received
            .Where(r => held.Contains(r.Unit) && r.At >= period.Start && r.At < period.End)
            .Where(r => reference.Procedure(r.Procedure) is { } p && p.Level == unit.Level)
            .Where(r =>
                paid
                    ? r.Paid && reference.Procedure(r.Procedure)!.HasFee
                    : r.Population && reference.Procedure(r.Procedure)!.PersonApplicant
            )
            .Select(r => r.Procedure)
            .Distinct()
            .LongCount();
    }

    private ReferenceData ReadReference() =>
        Factory.Services.GetRequiredService<ReferenceDataCache>().GetAsync(default).AsTask().GetAwaiter().GetResult();

    private static string ExtraProcedure(int i) =>
        $$$"""
            {"code":"3.00000{{{i}}}","name":"Thủ tục {{{i}}}","field":"Thử","level":"{{{(
                i == 6 ? "district" : "commune"
            )}}}",
             "onlineService":"full","integrated":true,"hasFee":{{{(i % 3 != 0 ? "true" : "false")}}},
             "personApplicant":{{{(i % 2 == 1 ? "true" : "false")}}},"processingTime":{"value":5,"unit":"working-days"}}
            """;

    private IEnumerable<object> RandomDossier(Random random, string code)
    {
        var at = new DateTimeOffset(2025, 1, 1, 8, 0, 0, Vietnam)
            .AddDays(random.Next(0, 365))
            .AddMinutes(random.Next(0, 9 * 60));
        var units = at < new DateTimeOffset(2025, 7, 1, 0, 0, 0, Vietnam) ? Before : After;
        var unit = units[random.Next(units.Length)];
        var procedure = ProcedureCodes[random.Next(ProcedureCodes.Length)];
        var paid = random.Next(10) < 5;
        var population = random.Next(10) < 4;
        received.Add((unit, procedure, at, paid, population));
        yield return new Dictionary<string, object>
        {
            ["id"] = code + "-r",
            ["dossierCode"] = code,
            ["type"] = "received",
            ["at"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["procedureCode"] = procedure,
            ["vneidAuthenticated"] = population,
            ["unitCode"] = unit,
            ["channel"] = "online",
        };
        if (paid)
        {
            yield return new Dictionary<string, object>
            {
                ["id"] = code + "-p",
                ["dossierCode"] = code,
                ["type"] = "paid",
                ["at"] = at.AddMinutes(30)
                    .ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                ["method"] = "online",
                ["amount"] = 10_000,
                ["via"] = "portal",
            };
        }
    }
}
