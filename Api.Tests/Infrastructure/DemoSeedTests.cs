using Scorecard.Domain.Calendar;
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
    public void Generate_Always_ModelsQuangNam()
    {
        var province = DemoSeeder.Generate(new DemoSeedOptions());
        var tree = UnitTree.Build(province.Units);

        Assert.That(
            province.Units.Count(u => u.Level == UnitLevel.Province && u.Kind == UnitKind.Agency),
            Is.EqualTo(20)
        );
        Assert.That(province.Units.Count(u => u.Level == UnitLevel.District), Is.EqualTo(18));
        Assert.That(province.Units.Count(u => u.Level == UnitLevel.Commune), Is.EqualTo(241));
        Assert.That(tree.Subtree("49").Count(), Is.EqualTo(province.Units.Count));
        Assert.That(
            province.Units.Where(u => u.Level == UnitLevel.Commune).Select(u => tree.Find(u.ParentCode!)!.Level),
            Has.All.EqualTo(UnitLevel.District)
        );
    }

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
