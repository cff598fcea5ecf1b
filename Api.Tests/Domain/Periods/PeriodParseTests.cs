using Scorecard.Domain.Periods;

namespace Scorecard.Api.Tests.Domain.Periods;

public sealed class PeriodParseTests
{
    [TestCase("2023", PeriodKind.Year, "2023-01-01", "2023-12-31", "2023")]
    [TestCase("2023-H1", PeriodKind.HalfYear, "2023-01-01", "2023-06-30", "2023-H1")]
    [TestCase("2023-H2", PeriodKind.HalfYear, "2023-07-01", "2023-12-31", "2023-H2")]
    [TestCase("2023S1", PeriodKind.HalfYear, "2023-01-01", "2023-06-30", "2023-H1")]
    [TestCase("2023S2", PeriodKind.HalfYear, "2023-07-01", "2023-12-31", "2023-H2")]
    [TestCase("2023-s2", PeriodKind.HalfYear, "2023-07-01", "2023-12-31", "2023-H2")]
    [TestCase("2023-Q1", PeriodKind.Quarter, "2023-01-01", "2023-03-31", "2023-Q1")]
    [TestCase("2023-Q3", PeriodKind.Quarter, "2023-07-01", "2023-09-30", "2023-Q3")]
    [TestCase("2023-q4", PeriodKind.Quarter, "2023-10-01", "2023-12-31", "2023-Q4")]
    [TestCase("2023-07", PeriodKind.Month, "2023-07-01", "2023-07-31", "2023-07")]
    [TestCase("2024-02", PeriodKind.Month, "2024-02-01", "2024-02-29", "2024-02")]
    [TestCase("2023-W30", PeriodKind.Week, "2023-07-24", "2023-07-30", "2023-W30")]
    [TestCase("2020-W53", PeriodKind.Week, "2020-12-28", "2021-01-03", "2020-W53")]
    [TestCase("2021-W01", PeriodKind.Week, "2021-01-04", "2021-01-10", "2021-W01")]
    [TestCase("2025-W01", PeriodKind.Week, "2024-12-30", "2025-01-05", "2025-W01")]
    [TestCase("2023-07-25", PeriodKind.Day, "2023-07-25", "2023-07-25", "2023-07-25")]
    [TestCase("2023-03-01..2023-03-31", PeriodKind.Range, "2023-03-01", "2023-03-31", "2023-03-01..2023-03-31")]
    [TestCase("2023-03-01..2023-03-01", PeriodKind.Range, "2023-03-01", "2023-03-01", "2023-03-01..2023-03-01")]
    [TestCase(" 2023-07 ", PeriodKind.Month, "2023-07-01", "2023-07-31", "2023-07")]
    public void Parse_WhenAcceptedForm_GivesDaysAndCanonicalCode(
        string code,
        PeriodKind kind,
        string first,
        string last,
        string canonical
    )
    {
        var period = Period.Parse(code);

        Assert.Multiple(() =>
        {
            Assert.That(period.Kind, Is.EqualTo(kind));
            Assert.That(period.FirstDay, Is.EqualTo(DateOnly.Parse(first, Parse.Culture)));
            Assert.That(period.LastDay, Is.EqualTo(DateOnly.Parse(last, Parse.Culture)));
            Assert.That(period.Code, Is.EqualTo(canonical));
            Assert.That(period.ToString(), Is.EqualTo(canonical));
            Assert.That(Period.Parse(period.Code), Is.EqualTo(period), "round trip");
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("23")]
    [TestCase("2023-H3")]
    [TestCase("2023-H0")]
    [TestCase("2023S3")]
    [TestCase("2023-Q5")]
    [TestCase("2023-Q0")]
    [TestCase("2023-13")]
    [TestCase("2023-00")]
    [TestCase("2023-7")]
    [TestCase("2023-W54")]
    [TestCase("2021-W53")]
    [TestCase("2023-W00")]
    [TestCase("2023-W5")]
    [TestCase("2023-02-30")]
    [TestCase("2023/07/25")]
    [TestCase("25-07-2023")]
    [TestCase("2023-03-31..2023-03-01")]
    [TestCase("2023-03-01..")]
    [TestCase("2023-03-01..2023-03-31..2023-04-30")]
    [TestCase("2020-01-01..2030-01-01")]
    [TestCase("1899")]
    [TestCase("3000")]
    [TestCase("٢٠٢٣")]
    [TestCase("last-month")]
    public void TryParse_WhenInvalid_FailsListingAcceptedForms(string? code)
    {
        var ok = Period.TryParse(code, out var period, out var error);

        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.False);
            Assert.That(period, Is.Null);
            Assert.That(
                error,
                Does.Contain("2023-H1")
                    .And.Contain("2023-Q3")
                    .And.Contain("2023-W30")
                    .And.Contain("2023-07-25")
                    .And.Contain("2023-03-01..2023-03-31")
            );
        });
    }

    [Test]
    public void TryParse_WhenValid_GivesEmptyError()
    {
        Assert.That(Period.TryParse("2023", out var period, out var error), Is.True);
        Assert.That(error, Is.Empty);
        Assert.That(period, Is.EqualTo(Period.Year(2023)));
    }

    [Test]
    public void Parse_WhenInvalid_ThrowsFormatExceptionWithForms()
    {
        Assert.That(
            () => Period.Parse("2023-X1"),
            Throws.TypeOf<FormatException>().With.Message.Contains("Accepted period forms")
        );
    }

    [Test]
    public void Range_WhenExactlyTenYearsLessADay_IsAccepted()
    {
        // 2020-01-01 + 10 years = 2030-01-01, so the last allowed day is 2029-12-31.
        Assert.That(Period.Parse("2020-01-01..2029-12-31").LastDay, Is.EqualTo(new DateOnly(2029, 12, 31)));
    }

    [Test]
    public void Factories_WhenOutOfRange_Throw()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => Period.HalfYear(2023, 3), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => Period.Quarter(2023, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => Period.Month(2023, 13), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => Period.Week(2021, 53), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => Period.Year(1899), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => Period.Day(new DateOnly(3000, 1, 1)), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(
                () => Period.Range(new DateOnly(2023, 2, 1), new DateOnly(2023, 1, 1)),
                Throws.TypeOf<ArgumentOutOfRangeException>()
            );
        });
    }

    [Test]
    public void Equality_WhenAliasAndCanonical_AreEqual()
    {
        Assert.That(Period.Parse("2023S2"), Is.EqualTo(Period.Parse("2023-H2")));
        Assert.That(Period.Parse("2023-07"), Is.Not.EqualTo(Period.Parse("2023-07-01..2023-07-31")));
    }
}
