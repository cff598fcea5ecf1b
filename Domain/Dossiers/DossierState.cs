namespace Scorecard.Domain.Dossiers;

/// <summary>
/// The state of a received dossier, folded from its events (README "Dossiers"). <see cref="DueAt"/> is the
/// effective deadline, already extended by supplement pauses; <see cref="SupplementDuration"/> is
/// the clock time paused and <see cref="SupplementWorkingTime"/> the working time paused.
/// </summary>
public sealed record DossierState
{
    public required string DossierCode { get; init; }

    public string? ProcedureCode { get; init; }

    public string? UnitCode { get; init; }

    public Channel? Channel { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>Deadline before supplement pauses: latest dueAt given, else receivedAt + processing time.</summary>
    public DateTimeOffset? BaseDueAt { get; init; }

    /// <summary>The last date promised with an apology letter: shown, never the deadline timeliness is judged
    /// against.</summary>
    public DateTimeOffset? ApologyDueAt { get; init; }

    /// <summary>Effective deadline: <see cref="BaseDueAt"/> extended by the working time of the pauses it does not
    /// already include.</summary>
    public DateTimeOffset? DueAt { get; init; }

    public int SupplementCount { get; init; }

    public TimeSpan SupplementDuration { get; init; }

    public TimeSpan SupplementWorkingTime { get; init; }

    /// <summary>
    /// When the still-open supplement request was made: the clock is stopped since then, so the
    /// deadline keeps moving until the supplement is completed (see <see cref="TimelinessRules"/>).
    /// </summary>
    public DateTimeOffset? SupplementOpenSince { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public FinishKind FinishKind { get; init; }

    /// <summary>Time of the first <c>returned</c> event.</summary>
    public DateTimeOffset? ReturnedAt { get; init; }

    /// <summary>Time of the first <c>result-issued</c> event.</summary>
    public DateTimeOffset? ResultIssuedAt { get; init; }

    public DossierStatus Status { get; init; }

    /// <summary>Digitised, population database used, electronic result: true once any event says so.</summary>
    public bool Digitised { get; init; }

    public bool PopulationDbUsed { get; init; }

    public bool ElectronicResult { get; init; }

    /// <summary>A fee is required: as stated at reception, else whether the procedure has a fee.</summary>
    public bool FeeRequired { get; init; }

    /// <summary>Sum of the amounts of all payments, in VND.</summary>
    public long AmountPaid { get; init; }

    public bool PaidOnline { get; init; }

    /// <summary>True for every folded state: a dossier exists once it is received.</summary>
    public bool IsReceived => ReceivedAt != default;

    public bool IsFinished => FinishedAt is not null;

    /// <summary>False for withdrawn and refused dossiers, which count in no indicator.</summary>
    public bool IsCounted => Status is not (DossierStatus.Withdrawn or DossierStatus.Refused);

    /// <summary>The fees due as stated at reception, in VND (null: not stated).</summary>
    public long? FeeAmount { get; init; }

    public bool ReusedDigitisedData { get; init; }

    public bool FromPersonalDataStore { get; init; }

    public bool VneidAuthenticated { get; init; }

    /// <summary>At least one online payment was made on the national portal.</summary>
    public bool PaidOnPortal { get; init; }

    /// <summary>At least one feedback was a complaint or a dislike.</summary>
    public bool Complaint { get; init; }

    /// <summary>When the dossier was withdrawn or refused (the first of them), if it was.</summary>
    public DateTimeOffset? ExitAt { get; init; }
}
