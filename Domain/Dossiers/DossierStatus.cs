namespace Scorecard.Domain.Dossiers;

/// <summary>Wire names via <c>WireName</c>: <c>received</c>, <c>awaiting-supplement</c>, …</summary>
public enum DossierStatus
{
    Received,
    AwaitingSupplement,
    Resolved,
    Returned,
    Stopped,
    Withdrawn,
    Refused,
}
