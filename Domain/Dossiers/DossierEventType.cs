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

    /// <summary>The applicant's rating of the handling: <c>satisfied</c> false is a complaint or a dislike.</summary>
    Feedback,
}
