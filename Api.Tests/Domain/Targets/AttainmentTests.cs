using Scorecard.Domain.Targets;
using Scorecard.Domain.Wire;

namespace Scorecard.Api.Tests.Domain.Targets;

public sealed class AttainmentTests
{
    [TestCase(62.5, 60, true, 2.5, TargetStatus.Met)]
    [TestCase(60, 60, true, 0, TargetStatus.Met)]
    [TestCase(59.99, 60, true, -0.01, TargetStatus.NotMet)]
    [TestCase(61, 60, false, 1, TargetStatus.OnTrack)]
    [TestCase(60, 60, false, 0, TargetStatus.OnTrack)]
    [TestCase(38.9, 60, false, -21.1, TargetStatus.AtRisk)] // Bình Định EZA baseline 38.9 against target 60
    [TestCase(33.335, 30, true, 3.34, TargetStatus.Met)] // 3.335 rounds away from zero
    public void Evaluate_WhenValueAndTarget_GivesGapAndStatus(
        decimal value,
        decimal target,
        bool closed,
        decimal gap,
        TargetStatus status
    )
    {
        Assert.That(Attainment.Evaluate(value, target, closed), Is.EqualTo(new TargetAttainment(gap, status)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Evaluate_WhenNoValue_IsNoData(bool closed)
    {
        Assert.That(Attainment.Evaluate(null, 60, closed), Is.EqualTo(new TargetAttainment(null, TargetStatus.NoData)));
        Assert.That(
            Attainment.Evaluate(null, null, closed),
            Is.EqualTo(new TargetAttainment(null, TargetStatus.NoData))
        );
    }

    [Test]
    public void Evaluate_WhenNoTarget_IsNoTarget()
    {
        Assert.That(Attainment.Evaluate(70, null, true), Is.EqualTo(new TargetAttainment(null, TargetStatus.NoTarget)));
    }

    [TestCase(TargetStatus.NotMet, "not-met")]
    [TestCase(TargetStatus.OnTrack, "on-track")]
    [TestCase(TargetStatus.AtRisk, "at-risk")]
    [TestCase(TargetStatus.NoData, "no-data")]
    public void WireName_WhenTargetStatus_IsKebabCase(TargetStatus status, string wire)
    {
        Assert.That(WireName.Of(status), Is.EqualTo(wire));
    }
}
