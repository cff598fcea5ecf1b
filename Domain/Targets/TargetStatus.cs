namespace Scorecard.Domain.Targets;

/// <summary>
/// Closed period: met / not-met. Open period: on-track / at-risk. No value: no-data; no target: no-target.
/// Wire names via <c>WireName</c>.
/// </summary>
public enum TargetStatus
{
    Met,
    NotMet,
    OnTrack,
    AtRisk,
    NoData,
    NoTarget,
}
