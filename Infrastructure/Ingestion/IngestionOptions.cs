namespace Scorecard.Infrastructure.Ingestion;

/// <summary>The settings of section <c>Ingestion</c>: what integrators may send, and what the writer keeps in
/// memory.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>
    /// How many days before now an event sent with a non-admin key may be dated (0: no limit). Past it
    /// the event is refused, so an integrator cannot rewrite the figures of periods long closed; admins
    /// are exempt, for corrections and for loading an integrator's history.
    /// </summary>
    public int MaxEventAgeDays { get; set; } = 400;

    /// <summary>
    /// Events of recently written dossiers the writer keeps in memory (0: none), so a batch continuing
    /// open dossiers does not read their history back from the log; about 80 MiB of process memory
    /// at the default, measured.
    /// </summary>
    public int CachedEvents { get; set; } = 100_000;
}
