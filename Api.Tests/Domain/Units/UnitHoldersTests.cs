using Scorecard.Domain.Levels;
using Scorecard.Domain.Units;

namespace Scorecard.Api.Tests.Domain.Units;

/// <summary>
/// A province P reorganised on 1 July 2025: the district D1 ends without successor; its communes C1, C2, C3 merge
/// into N1; C4 splits into N2 and N3, N3 its primary successor; the agency A lives on. Dossiers received (own, not
/// subtree): D1 2, C1 3, C2 4, C3 5, C4 6, N1 1, A 7; 28 in all.
/// </summary>
public sealed class UnitHoldersTests
{
    private static readonly DateOnly Ended = new(2025, 6, 30);
    private static readonly DateOnly Reform = new(2025, 7, 1);

    private static readonly UnitTree Tree = UnitTree.Build([
        Unit("P", null),
        Unit("A", "P", level: UnitLevel.Province),
        Unit("D1", "P", level: UnitLevel.District, to: Ended),
        Unit("C1", "D1", to: Ended, successors: ["N1"]),
        Unit("C2", "D1", to: Ended, successors: ["N1"]),
        Unit("C3", "D1", to: Ended, successors: ["N1"]),
        Unit("C4", "D1", to: Ended, successors: ["N2", "N3"], primary: "N3"),
        Unit("N1", "P", from: Reform),
        Unit("N2", "P", from: Reform),
        Unit("N3", "P", from: Reform),
    ]);

    private static readonly Dictionary<string, long> Own = new()
    {
        ["D1"] = 2,
        ["C1"] = 3,
        ["C2"] = 4,
        ["C3"] = 5,
        ["C4"] = 6,
        ["N1"] = 1,
        ["A"] = 7,
    };

    private static Unit Unit(
        string code,
        string? parent,
        UnitLevel level = UnitLevel.Commune,
        DateOnly? from = null,
        DateOnly? to = null,
        string[]? successors = null,
        string? primary = null
    ) =>
        new(code, code, level, UnitKind.Locality, parent, from, to, successors ?? [], new Dictionary<string, string>())
        {
            PrimarySuccessor = primary,
        };

    [Test]
    public void Roll_InTodaysStructure_CarriesHistoryToSuccessorsAndAncestors()
    {
        var rolled = UnitHolders.On(Tree, new DateOnly(2026, 1, 1)).Roll(Own, (a, b) => a + b);

        // Valid units only. N1 holds C1–C3 (3 + 4 + 5) and its own 1: summed, never averaged; N3, the primary
        // successor, holds C4; N2 nothing; the abolished district's own 2 go to P.
        Assert.That(
            rolled,
            Is.EquivalentTo(
                new Dictionary<string, long>
                {
                    ["P"] = 28,
                    ["A"] = 7,
                    ["N1"] = 13,
                    ["N2"] = 0,
                    ["N3"] = 6,
                }
            )
        );
    }

    [Test]
    public void Roll_InTheStructureBeforeTheReform_KeepsTheOldUnits()
    {
        var holders = UnitHolders.On(Tree, new DateOnly(2025, 1, 1));
        var rolled = holders.Roll(Own, (a, b) => a + b);

        // N1 did not exist yet: with no successor, its dossier counts for its nearest ancestor then, P.
        Assert.That(holders.HolderOf("N1"), Is.EqualTo("P"));
        Assert.That(rolled["D1"], Is.EqualTo(2 + 3 + 4 + 5 + 6));
        Assert.That(rolled["P"], Is.EqualTo(28), "the province total is the same in every structure");
        Assert.That(rolled.Keys, Is.EquivalentTo(new[] { "P", "A", "D1", "C1", "C2", "C3", "C4" }));
    }

    [Test]
    public void HolderOf_AnEndedUnit_FollowsPrimarySuccessorsThenAncestors()
    {
        var holders = UnitHolders.On(Tree, Reform);

        Assert.That(holders.HolderOf("C2"), Is.EqualTo("N1"));
        Assert.That(holders.HolderOf("C4"), Is.EqualTo("N3"));
        Assert.That(holders.HolderOf("D1"), Is.EqualTo("P"));
        Assert.That(holders.HolderOf("A"), Is.EqualTo("A"));
        Assert.That(holders.HeldUnder("N1"), Is.EquivalentTo(new[] { "N1", "C1", "C2", "C3" }));
    }

    [Test]
    public void HeldCover_OfMergedUnits_IsTheirWholeSubtrees()
    {
        var holders = UnitHolders.On(Tree, Reform);

        Assert.That(holders.HeldCover("N1"), Is.EqualTo((new[] { "C1", "C2", "C3", "N1" }, Array.Empty<string>())));
        Assert.That(holders.HeldCover("N3"), Is.EqualTo((new[] { "C4", "N3" }, Array.Empty<string>())));
        Assert.That(holders.HeldCover("P"), Is.EqualTo((new[] { "P" }, Array.Empty<string>())));
    }

    [Test]
    public void HeldCover_OfAUnitWhoseChildWentElsewhere_TakesItAlone()
    {
        // District D ends into E; its commune c ends into n, under another district F: E holds D but not c.
        var tree = UnitTree.Build([
            Unit("P", null, level: UnitLevel.Province),
            Unit("D", "P", level: UnitLevel.District, to: Ended, successors: ["E"], primary: "E"),
            Unit("c", "D", to: Ended, successors: ["n"], primary: "n"),
            Unit("E", "P", level: UnitLevel.District, from: Reform),
            Unit("F", "P", level: UnitLevel.District),
            Unit("n", "F", from: Reform),
        ]);
        var holders = UnitHolders.On(tree, Reform);

        Assert.That(holders.HeldCover("E"), Is.EqualTo((new[] { "E" }, new[] { "D" })));
        Assert.That(holders.HeldCover("F"), Is.EqualTo((new[] { "F", "c" }, Array.Empty<string>())));
    }

    [Test]
    public void TryMerge_WhenSuccessorsAreWrong_NamesEachProblem()
    {
        var tree = UnitTree.TryMerge(
            [Unit("P", null), Unit("N1", "P", from: Reform)],
            [
                Unit("X1", "P", to: Ended, successors: ["NOPE"]),
                Unit("X2", "P", to: new DateOnly(2025, 3, 31), successors: ["N1"]),
                Unit("X3", "P", to: Ended, successors: ["N1", "X1"]),
                Unit("X4", "P", successors: ["N1"]),
                Unit("X5", "P", to: Ended, successors: ["N1"], primary: "X1"),
            ],
            out var errors
        );

        Assert.That(tree, Is.Null);
        var messages = errors.Select(e => e.Message).ToList();
        Assert.That(messages, Has.Some.Contains("unknown successor 'NOPE'"));
        Assert.That(messages, Has.Some.Contains("Successor 'N1' of unit 'X2' must be valid on 2025-04-01"));
        Assert.That(messages, Has.Some.Contains("Unit 'X3' has 2 successors: name the one"));
        Assert.That(messages, Has.Some.Contains("Unit 'X4' has successors but no validTo"));
        Assert.That(messages, Has.Some.Contains("names primary successor 'X1', which is not one of its successors"));
    }

    [Test]
    public void TryMerge_WhenSuccessorsCycle_NamesTheCycle()
    {
        var tree = UnitTree.TryMerge(
            [Unit("P", null)],
            [
                Unit("Y1", "P", from: new DateOnly(2025, 1, 1), to: new DateOnly(2025, 1, 31), successors: ["Y2"]),
                Unit("Y2", "P", from: new DateOnly(2025, 2, 1), to: new DateOnly(2025, 2, 28), successors: ["Y3"]),
                Unit("Y3", "P", from: new DateOnly(2024, 1, 1), to: new DateOnly(2025, 3, 31), successors: ["Y1"]),
            ],
            out var errors
        );

        Assert.That(tree, Is.Null);
        Assert.That(errors.Select(e => e.Message), Has.Some.Contains("Successors form a cycle"));
    }
}
