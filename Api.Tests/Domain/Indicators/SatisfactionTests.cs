using Scorecard.Domain.Indicators;

namespace Scorecard.Api.Tests.Domain.Indicators;

public sealed class SatisfactionTests
{
    // 5.4 = 100 − (late % + complaint %).
    [TestCase(9, 10, 1, 20, 85.00)] // on time 90 %, complaints 5 %: 100 − (10 + 5)
    [TestCase(10, 10, 0, 5, 100.00)]
    [TestCase(1, 4, 3, 4, 0.00)] // 25 % − 75 % is below 0: 0
    [TestCase(2, 3, 1, 7, 52.38)] // 66.67 % − 14.29 % = (2×7 − 1×3) ÷ 21 = 11/21
    public void Of_IsOnTimeShareMinusComplaintShare(
        long onTimeN,
        long onTimeD,
        long complaints,
        long received,
        double expected
    )
    {
        var value = Satisfaction.Of(new Ratio(onTimeN, onTimeD), new Ratio(complaints, received));

        Assert.That(value.Percent, Is.EqualTo((decimal)expected));
    }

    [Test]
    public void Of_WithoutOnTimeData_HasNoValue_AndWithoutReceivedDossiers_IsTheOnTimeFigure()
    {
        Assert.That(Satisfaction.Of(Ratio.Zero, new Ratio(1, 3)).Percent, Is.Null);
        Assert.That(Satisfaction.Of(new Ratio(3, 4), Ratio.Zero), Is.EqualTo(new Ratio(3, 4)));
        // 2/3 − 1/7 = 11/21, in lowest terms; 5/7 − 0/7 = 5/7.
        Assert.That(Satisfaction.Of(new Ratio(2, 3), new Ratio(1, 7)), Is.EqualTo(new Ratio(11, 21)));
        Assert.That(Satisfaction.Of(new Ratio(5, 7), new Ratio(0, 7)), Is.EqualTo(new Ratio(5, 7)));
    }
}
