using Scorecard.Domain.Index;
using Scorecard.Domain.Indicators;

namespace Scorecard.Api.Tests.Domain.Index;

public sealed class IndexScoreTests
{
    private static readonly IndexDefinition TwoGroups = new(
        new DateOnly(2025, 1, 1),
        [
            new("a", "A", [new("1", "s1", "a", 6, 100), new("2", "s2", "b", 4, 80)]),
            new("b", "B", [new("3", "s3", "c", 10, 90)]),
        ]
    );

    [Test]
    public void Of_WithAMissingInput_ScoresItZeroAndLowersCoverage()
    {
        var figures = new Dictionary<string, Ratio> { ["a"] = new(3, 4), ["b"] = new(9, 10) };

        var score = IndexScore.Of(TwoGroups, c => figures.TryGetValue(c, out var r) ? r : null);

        // s1: 6 × 75/100 = 4.5; s2: 90 % is above its threshold 80, so all 4; s3 has no data: 0, not rescaled.
        Assert.That(score.Total, Is.EqualTo(8.5m));
        Assert.That(score.MaxPoints, Is.EqualTo(20m));
        Assert.That(score.Coverage, Is.EqualTo(50.00m)); // (6 + 4) of 20 points had data
        var subs = score.Groups.SelectMany(g => g.SubIndicators).ToDictionary(s => s.Code);
        Assert.That((subs["1"].Points, subs["1"].Status), Is.EqualTo((4.5m, "partial")));
        Assert.That((subs["2"].Points, subs["2"].Status), Is.EqualTo((4m, "full")));
        Assert.That((subs["3"].Points, subs["3"].Status), Is.EqualTo((0m, "no-data")));
    }

    [Test]
    public void Of_WithEveryInput_IsTheSumOfTheSubIndicators()
    {
        var figures = new Dictionary<string, Ratio>
        {
            ["a"] = new(3, 4),
            ["b"] = new(9, 10),
            ["c"] = new(1, 3),
        };

        var score = IndexScore.Of(TwoGroups, c => figures[c]);

        // s3: 10 × (100/3 % ÷ 90) = 3.7037… → 3.704 (exact ratio, not its rounded percent); 4.5 + 4 + 3.704.
        Assert.That(score.Total, Is.EqualTo(12.204m));
        Assert.That(score.Coverage, Is.EqualTo(100m));
        Assert.That(score.Groups.Select(g => g.Points), Is.EqualTo(new[] { 8.5m, 3.704m }));
    }

    [Test]
    public void Defaults_AreTheNationalHundredPoints_AndSound()
    {
        var definition = IndexDefaults.Definition;

        Assert.That(definition.MaxPoints, Is.EqualTo(100m));
        Assert.That(
            definition.Groups.Select(g => (g.Code, g.MaxPoints)),
            Is.EqualTo(
                new[]
                {
                    ("transparency", 18m),
                    ("progress", 20m),
                    ("online-service", 12m),
                    ("digitisation", 22m),
                    ("satisfaction", 18m),
                    ("online-payment", 10m),
                }
            )
        );
        Assert.That(definition.Problems(_ => true), Is.Empty);
        Assert.That(definition.Problems(c => c != "on-time"), Has.One.Contains("indicator 'on-time' does not exist"));
    }
}
