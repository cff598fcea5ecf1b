namespace Scorecard.Domain.Dossiers;

/// <summary>
/// Wire names <c>early</c>, <c>on-time</c>, <c>late</c>, <c>in-time</c>, <c>overdue</c> (via <c>WireName</c>).
/// Early, OnTime and Late apply to finished dossiers; InTime and Overdue to open ones.
/// </summary>
public enum Timeliness
{
    Early,
    OnTime,
    Late,
    InTime,
    Overdue,
}
