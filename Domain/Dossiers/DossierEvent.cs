namespace Scorecard.Domain.Dossiers;

/// <summary>
/// One event pushed by an integrator. <paramref name="Sequence"/> is the arrival order, used to break
/// ties between events at the same instant. Optional fields are read only by the event types that
/// carry them (see SPEC §4).
/// </summary>
public sealed record DossierEvent(string Id, string DossierCode, DossierEventType Type, DateTimeOffset At, long Sequence)
{
    public string? ProcedureCode { get; init; }

    public string? UnitCode { get; init; }

    public Channel? Channel { get; init; }

    /// <summary>The promised return time (received, due-changed, supplement-completed).</summary>
    public DateTimeOffset? DueAt { get; init; }

    public bool? Digitised { get; init; }

    public bool? PopulationDbUsed { get; init; }

    public bool? FeeRequired { get; init; }

    public PaymentMethod? PaymentMethod { get; init; }

    /// <summary>Amount paid in VND.</summary>
    public long? Amount { get; init; }

    public bool? ElectronicResult { get; init; }
}
