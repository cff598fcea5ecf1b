using Scorecard.Domain.Scoring;

namespace Scorecard.Api.Tests.Domain.Scoring;

public sealed class RankingTests
{
    private sealed record Unit(string Code, decimal? Value);

    private static string Describe(IReadOnlyList<Ranked<Unit>> ranked) =>
        string.Join(" ", ranked.Select(r => $"{r.Item.Code}:{r.Rank?.ToString(Parse.Culture) ?? "-"}"));

    [Test]
    public void Rank_WhenTieWithinTolerance_IsCompetitionRanking()
    {
        Unit[] units = [new("D", 85.00m), new("B", 90.00m), new("A", 95.00m), new("C", 89.99m)];

        var ranked = Ranking.Rank(units, u => u.Value, u => u.Code);

        // 90.00 − 89.99 = 0.01 ≤ 0.01: B and C share rank 2, D is 4th.
        Assert.That(Describe(ranked), Is.EqualTo("A:1 B:2 C:2 D:4"));
        Assert.That(ranked[2].Value, Is.EqualTo(89.99m));
    }

    [Test]
    public void Rank_WhenDifferenceAboveTolerance_DoesNotTie()
    {
        Unit[] units = [new("A", 90.00m), new("B", 89.98m)];

        Assert.That(Describe(Ranking.Rank(units, u => u.Value)), Is.EqualTo("A:1 B:2"));
    }

    [Test]
    public void Rank_WhenTiesChain_AllShareTheFirstRank()
    {
        // Non-transitive case: A–B and B–C tie (0.01 each), so C ties too although A − C = 0.02.
        Unit[] units = [new("A", 90.00m), new("B", 89.99m), new("C", 89.98m), new("D", 89.96m)];

        Assert.That(Describe(Ranking.Rank(units, u => u.Value)), Is.EqualTo("A:1 B:1 C:1 D:4"));
    }

    [Test]
    public void Rank_WhenNullValues_PutsThemLastWithoutRank()
    {
        Unit[] units = [new("Z", null), new("B", 50m), new("A", null), new("C", 70m)];

        var ranked = Ranking.Rank(units, u => u.Value, u => u.Code);

        Assert.That(Describe(ranked), Is.EqualTo("C:1 B:2 A:- Z:-"));
        Assert.That(ranked[3].Value, Is.Null);
    }

    [Test]
    public void Rank_WhenEqualValues_OrdersByTieBreakKeyThenInput()
    {
        Unit[] units = [new("B", 80m), new("A", 80m), new("C", 80m)];

        Assert.That(Describe(Ranking.Rank(units, u => u.Value, u => u.Code)), Is.EqualTo("A:1 B:1 C:1"));
        Assert.That(Describe(Ranking.Rank(units, u => u.Value)), Is.EqualTo("B:1 A:1 C:1"));
    }

    [Test]
    public void Rank_WhenZeroTolerance_TiesOnlyEqualValues()
    {
        Unit[] units = [new("A", 90.00m), new("B", 89.99m), new("C", 89.99m)];

        Assert.That(Describe(Ranking.Rank(units, u => u.Value, 0m)), Is.EqualTo("A:1 B:2 C:2"));
    }

    [Test]
    public void Rank_WhenEmptyOrNegativeTolerance_EmptyOrThrows()
    {
        Assert.That(Ranking.Rank(Array.Empty<Unit>(), u => u.Value), Is.Empty);
        Assert.That(
            () => Ranking.Rank(Array.Empty<Unit>(), u => u.Value, -0.01m),
            Throws.TypeOf<ArgumentOutOfRangeException>()
        );
    }
}
