using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;

namespace Scorecard.Api.Tests.Domain.Targets;

public sealed class TargetRulesTests
{
    private static readonly FakeUnitHierarchy Units = new();
    private static readonly Period H2 = Period.Parse("2023-H2");

    private static TargetAssignment Specific(
        string unit,
        decimal target,
        string by,
        string indicator = IndicatorCodes.OnlineSubmission
    ) => new(unit, indicator, H2, target, null, by, null, null);

    private static TargetAssignment General(string unit, UnitLevel level, decimal target) =>
        new(unit, IndicatorCodes.OnlineSubmission, H2, target, null, unit, "QĐ 2632/QĐ-UBND", level);

    [Test]
    public void Validate_WhenCascadeRespected_HasNoErrors()
    {
        TargetAssignment[] targets =
        [
            General("49", UnitLevel.Commune, 60),
            General("49.D1", UnitLevel.Commune, 65), // a district may tighten the province's general target
            Specific("49.D1.C1", 70, by: "49.D1"),
            Specific("49.D1.C2", 65, by: "49.D1.C2"), // the unit itself
            Specific("49.SNV", 60, by: "49") with
            {
                Baseline = 38.9m,
            },
        ];

        Assert.That(TargetRules.Validate(targets, Units), Is.Empty);
    }

    [Test]
    public void Validate_WhenDistrictSetsCommuneBelowProvinceGeneral_RefusesNamingBoth()
    {
        TargetAssignment[] targets = [General("49", UnitLevel.Commune, 60), Specific("49.D1.C1", 50, by: "49.D1")];

        var errors = TargetRules.Validate(targets, Units);

        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(
            errors[0],
            Does.Contain("'49.D1.C1'")
                .And.Contain("online-submission, 2023-H2")
                .And.Contain("target 50 is below the general target 60 that '49' set for commune units")
        );
    }

    [Test]
    public void Validate_WhenDistrictGeneralBelowProvinceGeneral_Refuses()
    {
        TargetAssignment[] targets = [General("49", UnitLevel.Commune, 60), General("49.D1", UnitLevel.Commune, 55)];

        Assert.That(
            TargetRules.Validate(targets, Units),
            Has.One.Contains("'49.D1'").And.Contains("general for commune units")
        );
    }

    [Test]
    public void Validate_WhenSeveralGeneralsCover_UsesTheHighest()
    {
        TargetAssignment[] targets =
        [
            General("49", UnitLevel.Commune, 60),
            General("49.D1", UnitLevel.Commune, 70),
            Specific("49.D1.C1", 65, by: "49.D1"),
        ];

        Assert.That(TargetRules.Validate(targets, Units), Has.One.Contains("below the general target 70 that '49.D1'"));
    }

    [Test]
    public void Validate_WhenOtherIndicatorPeriodLevelOrBranch_DoesNotApply()
    {
        TargetAssignment[] targets =
        [
            General("49", UnitLevel.Commune, 60),
            General("49.D2", UnitLevel.Commune, 90),
            Specific("49.D1.C1", 50, by: "49.D1", indicator: IndicatorCodes.Digitisation),
            Specific("49.D1.C2", 50, by: "49.D1") with
            {
                Period = Period.Parse("2024-H1"),
            },
            Specific("49.D1", 10, by: "49"), // the general target is for communes, not districts
            Specific("49.D1.C1", 80, by: "49.D1"), // 49.D2's general target does not cover 49.D1's communes
        ];

        Assert.That(TargetRules.Validate(targets, Units), Is.Empty);
    }

    [Test]
    public void Validate_WhenAssignerIsNotAncestor_Refuses()
    {
        var errors = TargetRules.Validate([Specific("49.D1.C1", 70, by: "49.D2")], Units);

        Assert.That(
            errors,
            Has.One.Contains("assigned by '49.D2', which is neither the unit nor one of its ancestors")
        );
    }

    [Test]
    public void Validate_WhenUnknownUnitOrOutOfRange_Refuses()
    {
        TargetAssignment[] targets =
        [
            Specific("99", 70, by: "99"),
            Specific("49.D1", 120, by: "49"),
            Specific("49.D2", 50, by: "49") with
            {
                Baseline = -1,
            },
        ];

        var errors = TargetRules.Validate(targets, Units);

        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors[0], Does.Contain("unit '99' does not exist"));
        Assert.That(errors[1], Does.Contain("'49.D1'").And.Contain("from 0 to 100"));
        Assert.That(errors[2], Does.Contain("'49.D2'").And.Contain("from 0 to 100"));
    }

    [Test]
    public void EffectiveTarget_WhenSpecificAndGeneral_SpecificWinsElseNearestGeneral()
    {
        TargetAssignment[] targets =
        [
            General("49.D1", UnitLevel.Commune, 70),
            General("49", UnitLevel.Commune, 60),
            Specific("49.D1.C1", 75, by: "49.D1"),
        ];

        TargetAssignment? For(string unit) =>
            TargetRules.EffectiveTarget(targets, unit, IndicatorCodes.OnlineSubmission, H2, Units);

        Assert.That(For("49.D1.C1")!.Target, Is.EqualTo(75)); // specific
        Assert.That(For("49.D1.C2")!.Target, Is.EqualTo(70)); // district's general beats the province's
        Assert.That(For("49.D2.C1")!.Target, Is.EqualTo(60)); // only the province's general covers it
        Assert.That(For("49.D1"), Is.Null); // no district-level target
        Assert.That(TargetRules.EffectiveTarget(targets, "49.D1.C2", IndicatorCodes.OnTime, H2, Units), Is.Null);
    }

    [Test]
    public void Covers_WhenGeneralTarget_CoversOnlyStrictDescendantsOfThatLevel()
    {
        var general = General("49", UnitLevel.Province, 60);

        Assert.That(general.Covers("49.SNV", Units), Is.True);
        Assert.That(general.Covers("49", Units), Is.False);
        Assert.That(Specific("49", 60, "49").Covers("49.SNV", Units), Is.False);
    }
}
