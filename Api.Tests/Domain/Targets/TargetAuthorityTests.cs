using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Targets;

namespace Scorecard.Api.Tests.Domain.Targets;

public sealed class TargetAuthorityTests
{
    private static readonly FakeUnitHierarchy Units = new();
    private static readonly Period H2 = Period.Parse("2023-H2");

    private static TargetAssignment Specific(string unit, decimal target, string by) =>
        new(unit, IndicatorCodes.OnlineSubmission, H2, target, null, by, null, null);

    private static TargetAssignment General(string unit, UnitLevel level, decimal target, string by) =>
        new(unit, IndicatorCodes.OnlineSubmission, H2, target, null, by, null, level);

    private static IReadOnlyList<string> Refusals(
        string? scope,
        TargetAssignment[] incoming,
        params TargetAssignment[] stored
    ) => TargetAuthority.Refusals(incoming, stored, scope, Units);

    [Test]
    public void Refusals_WhenProvinceWide_AreNoneWhateverTheAssignerOrTheTargetReplaced()
    {
        var refusals = Refusals(
            null,
            [Specific("49.D1", 50, by: "49.D1"), Specific("49.D1.C1", 40, by: "49.D1")],
            Specific("49.D1", 80, by: "49")
        );

        Assert.That(refusals, Is.Empty);
    }

    [Test]
    public void Refusals_WhenScopedKeyAssignsInsideItsSubtreeAsItselfOrBelow_AreNone()
    {
        TargetAssignment[] incoming =
        [
            Specific("49.D1", 90, by: "49.D1"),
            Specific("49.D1.C1", 70, by: "49.D1"),
            Specific("49.D1.C2", 75, by: "49.D1.C2"),
            General("49.D1", UnitLevel.Commune, 65, by: "49.D1"),
        ];

        // The stored targets it replaces were set inside its subtree; the province's are in other slots.
        var refusals = Refusals(
            "49.D1",
            incoming,
            Specific("49.D1.C1", 60, by: "49.D1"),
            Specific("49.D1.C2", 60, by: "49.D1.C2"),
            General("49", UnitLevel.Commune, 60, by: "49")
        );

        Assert.That(refusals, Is.Empty);
    }

    [Test]
    public void Refusals_WhenScopedKeySignsAsAnAncestor_RefuseNamingTheTargetAndTheAssigner()
    {
        var refusals = Refusals("49.D1", [Specific("49.D1", 90, by: "49")]);

        Assert.That(refusals, Has.Count.EqualTo(1));
        Assert.That(
            refusals[0],
            Does.StartWith("Target for '49.D1' (online-submission, 2023-H2)")
                .And.Contain("assigned by '49', a unit outside the subtree of '49.D1'")
        );
    }

    [Test]
    public void Refusals_WhenScopedKeySignsAsAnotherBranch_Refuse()
    {
        Assert.That(
            Refusals("49.D1", [Specific("49.D1.C1", 90, by: "49.D2")]),
            Has.One.Contains("assigned by '49.D2'")
        );
    }

    [TestCase(50)]
    [TestCase(80)]
    [TestCase(95)]
    public void Refusals_WhenScopedKeyLowersKeepsOrRaisesAnAncestorsTarget_Refuse(decimal target)
    {
        var refusals = Refusals("49.D1", [Specific("49.D1", target, by: "49.D1")], Specific("49.D1", 80, by: "49"));

        Assert.That(refusals, Has.Count.EqualTo(1));
        Assert.That(
            refusals[0],
            Does.StartWith("Target for '49.D1'")
                .And.Contain("the target 80 was set by '49', above '49.D1', and may not be lowered or replaced")
        );
    }

    [Test]
    public void Refusals_WhenCommuneKeyReplacesItsDistrictsTarget_Refuse()
    {
        var refusals = Refusals(
            "49.D1.C1",
            [Specific("49.D1.C1", 90, by: "49.D1.C1")],
            Specific("49.D1.C1", 70, by: "49.D1")
        );

        Assert.That(refusals, Has.One.Contains("set by '49.D1', above '49.D1.C1'"));
    }

    [Test]
    public void Refusals_WhenScopedKeyReplacesAnAncestorsGeneralTarget_Refuse()
    {
        var refusals = Refusals(
            "49.D1",
            [General("49.D1", UnitLevel.Commune, 50, by: "49.D1")],
            General("49.D1", UnitLevel.Commune, 70, by: "49")
        );

        Assert.That(refusals, Has.One.Contains("general for commune units").And.Contains("set by '49'"));
    }

    [Test]
    public void Refusals_WhenUnitOutsideTheScope_RefuseNamingTheUnit()
    {
        var refusals = Refusals("49.D1", [Specific("49.D2.C1", 70, by: "49.D2.C1")]);

        Assert.That(refusals, Has.One.Contains("unit '49.D2.C1' is outside the subtree of '49.D1'"));
    }

    [Test]
    public void Refusals_WhenSeveralTargetsAreRefused_NameEachOnce()
    {
        TargetAssignment[] incoming =
        [
            Specific("49.D1", 90, by: "49"),
            Specific("49.D1.C1", 70, by: "49.D1"),
            Specific("49.D1.C2", 70, by: "49.D1"),
        ];

        var refusals = Refusals("49.D1", incoming, Specific("49.D1.C2", 80, by: "49"));

        Assert.That(refusals, Has.Count.EqualTo(2));
        Assert.That(refusals[0], Does.Contain("'49.D1' (online-submission"));
        Assert.That(refusals[1], Does.Contain("'49.D1.C2' (online-submission"));
    }

    [Test]
    public void Refusals_WhenUnitOrAssignerIsUnknown_LeaveThemToTheAssignmentRules()
    {
        Assert.That(Refusals("49.D1", [Specific("99", 70, by: "99"), Specific("49.D1.C1", 70, by: "98")]), Is.Empty);
    }
}
