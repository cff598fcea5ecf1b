namespace Scorecard.Domain.Dossiers;

/// <summary>
/// One event pushed by an integrator. <paramref name="Sequence"/> is the arrival order, used to break
/// ties between events at the same instant. Optional fields are read only by the event types that
/// carry them (the README's event table).
/// </summary>
public sealed record DossierEvent(
    string Id,
    string DossierCode,
    DossierEventType Type,
    DateTimeOffset At,
    long Sequence
)
{
    /// <summary>
    /// The integrator that sent it (its keys' common source): a dossier is the events of one source
    /// under one code, and an event id is unique within its source.
    /// </summary>
    public string Source { get; init; } = "";

    /// <summary>The unit whose subtree the sending key was limited to (null: province-wide).</summary>
    public string? SenderScope { get; init; }

    public string? ProcedureCode { get; init; }

    public string? UnitCode { get; init; }

    public Channel? Channel { get; init; }

    /// <summary>The promised return time (received, due-changed, supplement-completed).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Why the promised time changed (due-changed; null on a stored one: a correction).</summary>
    public DueChangeReason? Reason { get; init; }

    public bool? Digitised { get; init; }

    public bool? PopulationDbUsed { get; init; }

    public bool? FeeRequired { get; init; }

    public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>Amount paid in VND.</summary>
    public long? Amount { get; init; }

    public bool? ElectronicResult { get; init; }

    /// <summary>The fees due, in VND, as stated at reception (0: waived).</summary>
    public long? FeeAmount { get; init; }

    /// <summary>The dossier reused data already digitised (received).</summary>
    public bool? ReusedDigitisedData { get; init; }

    /// <summary>The dossier was linked with the applicant's personal data store on the national portal
    /// (received).</summary>
    public bool? FromPersonalDataStore { get; init; }

    /// <summary>The applicant's account was authenticated with VNeID (received).</summary>
    public bool? VneidAuthenticated { get; init; }

    /// <summary>Where an online payment was made (paid).</summary>
    public PaymentChannel? PaidVia { get; init; }

    /// <summary>The applicant's rating (feedback): false is a complaint or a dislike.</summary>
    public bool? Satisfied { get; init; }
}
