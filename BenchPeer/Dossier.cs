namespace Scorecard.BenchPeer;

/// <summary>A dossier as the OData entity set <c>Dossiers</c> exposes it (a projection of <see
/// cref="DossierRow"/>).</summary>
public sealed class Dossier
{
    public required string Code { get; init; }

    public required string ProcedureCode { get; init; }

    public required string UnitCode { get; init; }

    public required string Channel { get; init; }

    public required string Status { get; init; }

    /// <summary>early, on-time or late once finished; null while the dossier is open.</summary>
    public string? Timeliness { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public DateTimeOffset? ReturnedAt { get; init; }

    public int SupplementCount { get; init; }

    public bool FeeRequired { get; init; }

    public bool PaidOnline { get; init; }

    public long AmountPaid { get; init; }

    public bool Digitised { get; init; }

    public bool ElectronicResult { get; init; }

    public bool PopulationDbUsed { get; init; }
}
