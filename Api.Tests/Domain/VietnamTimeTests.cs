using Scorecard.Domain.Time;

namespace Scorecard.Api.Tests.Domain;

public sealed class VietnamTimeTests
{
    [TestCase("2023-07-24T16:59:59Z", "2023-07-24")]
    [TestCase("2023-07-24T17:00:00Z", "2023-07-25")]
    [TestCase("2023-07-25T23:59:59+07:00", "2023-07-25")]
    [TestCase("2023-07-26T00:00:00+07:00", "2023-07-26")]
    public void DateOf_WhenInstantNearMidnight_UsesVietnamDay(string instant, string expected)
    {
        Assert.That(
            VietnamTime.DateOf(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture))
        );
    }

    [Test]
    public void StartOf_WhenVietnamDate_IsSeventeenHundredUtcTheDayBefore()
    {
        Assert.That(
            VietnamTime.StartOf(new DateOnly(2023, 7, 25)),
            Is.EqualTo(new DateTimeOffset(2023, 7, 24, 17, 0, 0, TimeSpan.Zero))
        );
    }
}
