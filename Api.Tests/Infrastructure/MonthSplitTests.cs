using System.Globalization;
using Scorecard.Infrastructure.Reports;

namespace Scorecard.Api.Tests.Infrastructure;

public sealed class MonthSplitTests
{
    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [TestCase("2025-01-01", "2025-12-31", "2025-01-01", "2025-12-01", "")]
    [TestCase("2025-07-01", "2025-07-31", "2025-07-01", "2025-07-01", "")]
    [TestCase("2025-03-04", "2025-03-20", null, null, "2025-03-04..2025-03-20")]
    [TestCase("2025-03-04", "2025-06-10", "2025-04-01", "2025-05-01", "2025-03-04..2025-03-31 2025-06-01..2025-06-10")]
    [TestCase("2024-02-15", "2024-03-31", "2024-03-01", "2024-03-01", "2024-02-15..2024-02-29")]
    [TestCase("2025-01-31", "2025-02-01", null, null, "2025-01-31..2025-02-01")]
    public void Of_Always_CoversEveryDayOnceWithWholeMonthsInTheMiddle(
        string from,
        string to,
        string? firstMonth,
        string? lastMonth,
        string days
    )
    {
        var (months, edges) = MonthSplit.Of(D(from), D(to));

        Assert.That(months?.First, Is.EqualTo(firstMonth is null ? (DateOnly?)null : D(firstMonth)));
        Assert.That(months?.Last, Is.EqualTo(lastMonth is null ? (DateOnly?)null : D(lastMonth)));
        Assert.That(string.Join(" ", edges.Select(e => $"{e.From:yyyy-MM-dd}..{e.To:yyyy-MM-dd}")), Is.EqualTo(days));
    }
}
