using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Wire;

namespace Scorecard.Api.Tests.Domain.Dossiers;

public sealed class DossierEventTypesTests
{
    [TestCase("received", DossierEventType.Received)]
    [TestCase("supplement-requested", DossierEventType.SupplementRequested)]
    [TestCase("supplement-completed", DossierEventType.SupplementCompleted)]
    [TestCase("due-changed", DossierEventType.DueChanged)]
    [TestCase("paid", DossierEventType.Paid)]
    [TestCase("digitised", DossierEventType.Digitised)]
    [TestCase("population-db-used", DossierEventType.PopulationDbUsed)]
    [TestCase("resolved", DossierEventType.Resolved)]
    [TestCase("returned", DossierEventType.Returned)]
    [TestCase("result-issued", DossierEventType.ResultIssued)]
    [TestCase("stopped", DossierEventType.Stopped)]
    [TestCase("withdrawn", DossierEventType.Withdrawn)]
    [TestCase("refused", DossierEventType.Refused)]
    public void TryParse_WhenWireName_RoundTrips(string wire, DossierEventType type)
    {
        Assert.That(DossierEventTypes.TryParse(wire, out var parsed), Is.True);
        Assert.That(parsed, Is.EqualTo(type));
        Assert.That(DossierEventTypes.ToWire(type), Is.EqualTo(wire));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("Received")]
    [TestCase("SupplementRequested")]
    [TestCase("supplement_requested")]
    [TestCase("0")]
    public void TryParse_WhenNotExactWireName_Fails(string? wire)
    {
        Assert.That(DossierEventTypes.TryParse(wire, out _), Is.False);
    }

    [Test]
    public void WireNames_WhenListed_HasFourteen()
    {
        Assert.That(
            DossierEventTypes.WireNames,
            Has.Count.EqualTo(14).And.Contains("population-db-used").And.Contains("feedback")
        );
    }

    [TestCase(Timeliness.OnTime, "on-time")]
    [TestCase(Timeliness.InTime, "in-time")]
    [TestCase(Timeliness.Overdue, "overdue")]
    public void WireNameOf_WhenTimeliness_IsKebabCase(Timeliness value, string wire)
    {
        Assert.That(WireName.Of(value), Is.EqualTo(wire));
        Assert.That(WireName.TryParse<Timeliness>(wire, out var parsed) && parsed == value, Is.True);
    }

    [Test]
    public void WireNameOf_WhenStatusOrUndefined_KebabOrThrows()
    {
        Assert.That(WireName.Of(DossierStatus.AwaitingSupplement), Is.EqualTo("awaiting-supplement"));
        Assert.That(() => WireName.Of((DossierStatus)42), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
