using Scorecard.Domain.Levels;
using Scorecard.Domain.Units;

namespace Scorecard.Api.Tests.Domain;

public sealed class UnitTreeTests
{
    private static Unit U(string code, string? parent, UnitLevel level = UnitLevel.District) =>
        new(code, code, level, UnitKind.Locality, parent, null, null, [], new Dictionary<string, string>());

    private static readonly Unit[] Province =
    [
        U("P", null, UnitLevel.Province),
        U("A", "P"),
        U("A1", "A", UnitLevel.Commune),
        U("A2", "A", UnitLevel.Commune),
        U("B", "P"),
    ];

    [Test]
    public void Closure_WhenThreeLevels_ListsEveryAncestorPairWithDepth()
    {
        var closure = UnitTree.Build(Province).Closure().ToList();

        // 5 self pairs + A,B under P (2) + A1,A2 under A and under P (4) = 11.
        Assert.That(closure, Has.Count.EqualTo(11));
        Assert.That(closure, Does.Contain(("P", "A1", 2)).And.Contain(("A", "A1", 1)).And.Contain(("A1", "A1", 0)));
        Assert.That(closure, Does.Not.Contain(("B", "A1", 1)));
    }

    [Test]
    public void TopDown_Always_PutsParentsBeforeChildren()
    {
        var order = UnitTree.Build(Province.Reverse()).TopDown.Select(u => u.Code).ToList();

        Assert.That(order, Is.EqualTo(new[] { "P", "A", "A1", "A2", "B" }));
    }

    [TestCase("P", "A2", true)]
    [TestCase("A", "A2", true)]
    [TestCase("A2", "A2", true)]
    [TestCase("B", "A2", false)]
    [TestCase("A2", "A", false)]
    public void IsAncestorOrSelf_Always_FollowsParents(string ancestor, string code, bool expected)
    {
        Assert.That(UnitTree.Build(Province).IsAncestorOrSelf(ancestor, code), Is.EqualTo(expected));
    }

    [Test]
    public void TryMerge_WhenParentUnknown_NamesTheUnitAndTheParent()
    {
        var tree = UnitTree.TryMerge(Province, [U("C1", "C", UnitLevel.Commune)], out var errors);

        Assert.That(tree, Is.Null);
        Assert.That(errors.Single().Code, Is.EqualTo("C1"));
        Assert.That(errors.Single().Message, Does.Contain("'C'"));
    }

    [Test]
    public void TryMerge_WhenAnUpdateWouldCloseACycle_NamesEveryUnitOnIt()
    {
        var tree = UnitTree.TryMerge(Province, [U("P", "A1", UnitLevel.Province)], out var errors);

        Assert.That(tree, Is.Null);
        Assert.That(errors, Has.Count.EqualTo(1));
        Assert.That(errors[0].Message, Is.EqualTo("Unit 'A' would be its own ancestor: A → P → A1 → A."));
    }

    [Test]
    public void TryMerge_WhenUnitIsItsOwnParent_IsRefused()
    {
        UnitTree.TryMerge([], [U("X", "X")], out var errors);

        Assert.That(errors.Single().Message, Does.Contain("own ancestor"));
    }

    [Test]
    public void TryMerge_WhenCodeRepeatsInBatch_IsRefused()
    {
        UnitTree.TryMerge([], [U("X", null), U("X", null)], out var errors);

        Assert.That(errors.Single().Message, Does.Contain("more than once"));
    }

    [Test]
    public void TryMerge_WhenMovingASubtree_KeepsDescendants()
    {
        var tree = UnitTree.TryMerge(Province, [U("A", "B")], out var errors)!;

        Assert.That(errors, Is.Empty);
        Assert.That(tree.IsAncestorOrSelf("B", "A1"), Is.True);
        Assert.That(tree.Subtree("B").Select(u => u.Code), Is.EqualTo(new[] { "B", "A", "A1", "A2" }));
    }

    [Test]
    public void IsActiveOn_Always_HonoursInclusiveValidityDates()
    {
        var unit = U("X", null) with { ValidFrom = new DateOnly(2020, 1, 1), ValidTo = new DateOnly(2025, 6, 30) };

        Assert.That(unit.IsActiveOn(new DateOnly(2019, 12, 31)), Is.False);
        Assert.That(unit.IsActiveOn(new DateOnly(2020, 1, 1)), Is.True);
        Assert.That(unit.IsActiveOn(new DateOnly(2025, 6, 30)), Is.True);
        Assert.That(unit.IsActiveOn(new DateOnly(2025, 7, 1)), Is.False);
    }
}
