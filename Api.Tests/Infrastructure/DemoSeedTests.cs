using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Units;
using Scorecard.Infrastructure.Seed;

namespace Scorecard.Api.Tests.Infrastructure;

public sealed class DemoSeedTests
{
    [Test]
    public void Generate_WhenSameSeed_GivesTheSameProvince()
    {
        var a = DemoSeeder.Generate(new DemoSeedOptions(7));
        var b = DemoSeeder.Generate(new DemoSeedOptions(7));
        var c = DemoSeeder.Generate(new DemoSeedOptions(8));

        Assert.That(a.Units.Select(u => (u.Code, u.Name)), Is.EqualTo(b.Units.Select(u => (u.Code, u.Name))));
        Assert.That(a.Procedures, Is.EqualTo(b.Procedures));
        Assert.That(a.Procedures, Is.Not.EqualTo(c.Procedures));
    }

    [Test]
    public void Generate_Always_ModelsTwoProvincesMergedOnTheFirstOfJuly2025()
    {
        var province = DemoSeeder.Generate(new DemoSeedOptions());
        var tree = UnitTree.Build(province.Units);
        var ended = new DateOnly(2025, 6, 30);
        var reform = new DateOnly(2025, 7, 1);
        var communes = province.Units.Where(u => u.Level == UnitLevel.Commune).ToList();
        var oldCommunes = communes.Where(u => u.ValidTo == ended).ToList();
        var newCommunes = communes.Where(u => u.ValidFrom == reform).ToList();

        Assert.That(tree.Find("49")!.ValidTo, Is.Null);
        Assert.That(tree.Find("62")!.ValidTo, Is.EqualTo(ended));
        Assert.That(tree.Find("62")!.SuccessorCodes, Is.EqualTo(new[] { "49" }));
        Assert.That(tree.Find("62.SNV")!.PrimarySuccessor, Is.EqualTo("49.SNV"));
        Assert.That(province.Units.Count(u => u.Kind == UnitKind.Agency), Is.EqualTo(40));
        Assert.That(province.Units.Count(u => u.Level == UnitLevel.District), Is.EqualTo(28));
        Assert.That(
            province.Units.Where(u => u.Level == UnitLevel.District),
            Has.All.Matches<Unit>(u => u.ValidTo == ended && u.SuccessorCodes.Count == 0)
        );
        Assert.That(oldCommunes, Has.Count.EqualTo(341));
        Assert.That(newCommunes, Has.Count.EqualTo(114));
        Assert.That(oldCommunes.Count + newCommunes.Count, Is.EqualTo(communes.Count));
        Assert.That(newCommunes, Has.All.Matches<Unit>(u => u.ParentCode == "49" && u.ValidTo == null));
        Assert.That(
            oldCommunes.Count(u => u.SuccessorCodes.Count == 2 && u.PrimarySuccessor is not null),
            Is.EqualTo(9)
        );
        Assert.That(
            newCommunes.Select(n => oldCommunes.Count(o => o.PrimarySuccessor == n.Code)),
            Has.All.InRange(2, 4),
            "every new commune takes the history of two to four old ones"
        );
        Assert.That(tree.Subtree("49").Count() + tree.Subtree("62").Count(), Is.EqualTo(province.Units.Count));
    }

    [Test]
    public void Dossiers_AcrossTheReform_AreReceivedOnlyByUnitsValidThatDay()
    {
        var options = new DemoSeedOptions();
        var province = DemoSeeder.Generate(options);
        var units = province.Units.ToDictionary(u => u.Code);
        var history = new DemoHistory(province, new WorkCalendar(DemoSeeder.StatutoryCalendar()), 3);

        var received = history
            .Dossiers(
                3000,
                options.First,
                options.Last,
                new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(7))
            )
            .Select(d => d[0])
            .ToList();

        Assert.That(
            received,
            Has.All.Matches<DossierEvent>(e =>
                units[e.UnitCode!].IsActiveOn(DateOnly.FromDateTime(e.At.ToOffset(TimeSpan.FromHours(7)).DateTime))
            )
        );
        Assert.That(received.Min(e => e.At), Is.LessThan(new DateTimeOffset(2024, 1, 3, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(received.Max(e => e.At), Is.GreaterThan(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero)));
        Assert.That(received.Where(e => units[e.UnitCode!].Level == UnitLevel.District), Is.Not.Empty);
        Assert.That(received.Where(e => units[e.UnitCode!].ValidFrom == DemoUnitsReform), Is.Not.Empty);
    }

    private static readonly DateOnly DemoUnitsReform = new(2025, 7, 1);

    [Test]
    public void Generate_Always_Gives2000ProceduresWithAMixOfOnlineLevelsAndFees()
    {
        var procedures = DemoSeeder.Generate(new DemoSeedOptions()).Procedures;

        Assert.That(procedures, Has.Count.EqualTo(2000));
        Assert.That(procedures.Select(p => p.Code).Distinct().Count(), Is.EqualTo(2000));
        foreach (var service in Enum.GetValues<OnlineService>())
        {
            Assert.That(procedures.Count(p => p.OnlineService == service), Is.InRange(200, 1100), service.ToString());
        }

        Assert.That(procedures.Count(p => p.HasFee), Is.InRange(600, 1000));
        Assert.That(
            procedures.Where(p => p.OnlineService == OnlineService.None),
            Has.None.Matches<Procedure>(p => p.Integrated)
        );
        Assert.That(procedures.Select(p => p.Level).Distinct(), Is.EquivalentTo(Enum.GetValues<UnitLevel>()));
    }

    [Test]
    public void StatutoryCalendar_Always_HasTet2025AndMakeUpRules()
    {
        var days = DemoSeeder.StatutoryCalendar();

        Assert.That(days, Has.Count.GreaterThan(100));
        Assert.That(days.Select(d => d.Date), Is.Unique);
        Assert.That(
            days.Where(d => d.Date.Year == 2025 && d.Date.Month is 1 or 2 && d.Kind == CalendarDayKind.Holiday)
                .Select(d => d.Date),
            Is.SupersetOf(
                new[]
                {
                    new DateOnly(2025, 1, 28),
                    new DateOnly(2025, 1, 29),
                    new DateOnly(2025, 1, 30),
                    new DateOnly(2025, 1, 31),
                    new DateOnly(2025, 2, 1),
                }
            )
        );
    }
}
