namespace Scorecard.Domain.Dossiers;

/// <summary>What happened to a dossier; wire names via <see cref="DossierEventTypes"/>.</summary>
public enum DossierEventType
{
    Received,
    SupplementRequested,
    SupplementCompleted,
    DueChanged,
    Paid,
    Digitised,
    PopulationDbUsed,
    Resolved,
    Returned,
    ResultIssued,
    Stopped,
    Withdrawn,
    Refused,
}
