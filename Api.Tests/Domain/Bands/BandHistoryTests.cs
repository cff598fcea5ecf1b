using Scorecard.Domain.Bands;
using Scorecard.Domain.Periods;

namespace Scorecard.Api.Tests.Domain.Bands;

public sealed class BandHistoryTests
{
    private static readonly BandScale Old = new(new DateOnly(2020, 1, 1), [new Band(90, "green"), new Band(0, "red")]);
    private static readonly BandScale New = new(new DateOnly(2024, 1, 1), [new Band(95, "green"), new Band(0, "red")]);

    [TestCase("2023-H2", "green")] // old scale: 92 ≥ 90
    [TestCase("2024-01", "red")] // new scale: 92 < 95
    [TestCase("2023-12-15..2024-01-15", "red")] // the scale in force at the last day applies
    [TestCase("2023", "green")]
    public void ColorFor_WhenScaleChanges_UsesScaleInForceAtLastDay(string period, string expected)
    {
        var history = new BandHistory([New, Old]);

        Assert.That(history.ColorFor(92m, Period.Parse(period)), Is.EqualTo(expected));
    }

    [Test]
    public void ScaleAt_WhenDates_PicksLatestValidFrom()
    {
        var history = new BandHistory([New, Old]);

        Assert.That(history.ScaleAt(new DateOnly(2023, 12, 31)), Is.SameAs(Old));
        Assert.That(history.ScaleAt(new DateOnly(2024, 1, 1)), Is.SameAs(New));
        Assert.That(history.ScaleAt(new DateOnly(2019, 12, 31)), Is.Null);
        Assert.That(history.Scales, Has.Count.EqualTo(2));
    }

    [TestCase(59.99, "none")] // below every bound, last band starts above 0
    [TestCase(60, "amber")]
    [TestCase(-1, "none")]
    public void ColorFor_WhenNoElseBand_BelowEveryBoundIsNone(decimal value, string expected)
    {
        var scale = new BandScale(new DateOnly(2020, 1, 1), [new Band(80, "green"), new Band(60, "amber")]);

        Assert.That(scale.ColorFor(value), Is.EqualTo(expected));
    }

    [Test]
    public void ColorFor_WhenNegativeValueAndZeroElseBand_TakesLastBand()
    {
        Assert.That(Old.ColorFor(-5m), Is.EqualTo("red"));
        Assert.That(Old.ColorFor(null), Is.EqualTo(BandColors.None));
    }

    [Test]
    public void Validate_WhenValid_IsEmpty()
    {
        Assert.That(Old.Validate(), Is.Empty);
    }

    [Test]
    public void Validate_WhenAscendingEqualOrColourless_ListsEachProblem()
    {
        var scale = new BandScale(
            new DateOnly(2020, 1, 1),
            [new Band(50, "green"), new Band(50, " "), new Band(80, "red")]
        );

        var errors = scale.Validate();

        Assert.That(errors, Has.Count.EqualTo(3));
        Assert.That(errors, Has.Some.Contains("Band 2 (min 50) has no colour"));
        Assert.That(errors, Has.Some.Contains("Band 3 (min 80) must have a lower min than band 2 (min 50)"));
    }

    [Test]
    public void Validate_WhenEmpty_AsksForABand()
    {
        var empty = new BandScale(new DateOnly(2020, 1, 1), []);

        Assert.That(empty.Validate(), Has.One.Contains("at least one band"));
        Assert.That(empty.ColorFor(50), Is.EqualTo(BandColors.None));
    }

    [Test]
    public void Constructor_WhenInvalidOrDuplicateDates_ThrowsNamingTheDate()
    {
        var bad = new BandScale(new DateOnly(2022, 1, 1), [new Band(10, "green"), new Band(20, "red")]);

        Assert.That(() => new BandHistory([bad]), Throws.ArgumentException.With.Message.Contains("2022-01-01"));
        Assert.That(
            () => new BandHistory([Old, Old with { Bands = [new Band(0, "grey")] }]),
            Throws.ArgumentException.With.Message.Contains("more than one band scale")
        );
    }
}
