using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Wire;

namespace Scorecard.Api.Tests.Domain.Wire;

public sealed class WireNameTests
{
    [Test]
    public void Of_WhenVocabularyEnums_GivesSpecWireNames()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WireName.Of(ProcessingTimeUnit.WorkingDays), Is.EqualTo("working-days"));
            Assert.That(WireName.Of(OnlineService.Full), Is.EqualTo("full"));
            Assert.That(WireName.Of(CalendarDayKind.WorkingDay), Is.EqualTo("working-day"));
            Assert.That(WireName.Of(UnitLevel.Commune), Is.EqualTo("commune"));
            Assert.That(WireName.Of(UnitKind.Agency), Is.EqualTo("agency"));
            Assert.That(WireName.Of(Channel.Postal), Is.EqualTo("postal"));
            Assert.That(WireName.Of(PaymentMethod.Offline), Is.EqualTo("offline"));
        });
    }

    [TestCase("working-days", true)]
    [TestCase("hours", true)]
    [TestCase("Hours", false)]
    [TestCase("workingdays", false)]
    [TestCase("1", false)]
    [TestCase(null, false)]
    public void TryParse_WhenText_AcceptsOnlyExactWireNames(string? text, bool expected)
    {
        Assert.That(WireName.TryParse<ProcessingTimeUnit>(text, out _), Is.EqualTo(expected));
    }
}
