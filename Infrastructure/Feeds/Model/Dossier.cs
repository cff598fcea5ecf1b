using System.ComponentModel.DataAnnotations;

namespace Scorecard.Infrastructure.Feeds.Model;

/// <summary>
/// A dossier's folded state: counts only, nothing about the applicant. A dossier is one source's events
/// under one code, so its key is the pair (Source, Code).
/// </summary>
public sealed class Dossier
{
    [Key]
    public string Source { get; set; } = string.Empty;

    [Key]
    public string Code { get; set; } = string.Empty;

    [Required]
    public string ProcedureCode { get; set; } = string.Empty;

    [Required]
    public string UnitCode { get; set; } = string.Empty;

    public string Channel { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    /// <summary>Early, on-time or late once finished; in-time or overdue while open (as of the request); null for
    /// withdrawn and refused.</summary>
    public string? Timeliness { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset? ReturnedAt { get; set; }

    public int SupplementCount { get; set; }

    public bool FeeRequired { get; set; }

    public bool PaidOnline { get; set; }

    public long AmountPaid { get; set; }

    public bool Digitised { get; set; }

    public bool ElectronicResult { get; set; }

    public bool PopulationDbUsed { get; set; }

    public bool VneidAuthenticated { get; set; }

    public bool ReusedDigitisedData { get; set; }

    public bool FromPersonalDataStore { get; set; }

    /// <summary>A fee amount of 0 was stated at reception: the dossier leaves the online-payment figure.</summary>
    public bool FeeWaived { get; set; }

    /// <summary>The procedure's result was a paper document when the dossier was counted.</summary>
    public bool PaperResult { get; set; }

    /// <summary>The procedure was eligible for full online service when the dossier was counted.</summary>
    public bool FullOnlineEligible { get; set; }

    /// <summary>The applicant complained or disliked the handling.</summary>
    public bool Complaint { get; set; }

    /// <summary>When the handling ended by the national rule (the first of resolved, returned, stopped, refused,
    /// withdrawn, or its only pending supplement request); null while it goes on.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Whether that end was in time by the national rule; null while the handling goes on.</summary>
    public bool? EndedInTime { get; set; }

    public Unit? Unit { get; set; }

    public Procedure? Procedure { get; set; }
}
