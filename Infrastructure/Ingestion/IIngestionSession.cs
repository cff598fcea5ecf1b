using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Dossiers;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// The statements of one ingestion transaction. Each provider has its own implementation
/// (the dialect seam for the write path); all run inside the transaction the session was opened with.
/// </summary>
public interface IIngestionSession : IAsyncDisposable
{
    /// <summary>
    /// The log's last arrival sequence as this session sees it, its own appends included, and the projections'
    /// rewrite count; null when the provider does not track them (the writer then reads every dossier's events and
    /// row from the database).
    /// </summary>
    LogPosition? Position { get; }

    /// <summary>Every stored event of these dossiers (by <see cref="DossierKey"/>), grouped by that key.</summary>
    Task<Dictionary<string, List<DossierEvent>>> LoadEventsAsync(
        IReadOnlyCollection<string> dossierKeys,
        CancellationToken ct
    );

    /// <summary>The stored rows of these dossiers by <see cref="DossierKey"/> (absent: not received yet).</summary>
    Task<Dictionary<string, DossierRow>> LoadDossiersAsync(
        IReadOnlyCollection<string> dossierKeys,
        CancellationToken ct
    );

    /// <summary>
    /// Announces the source and id (as <see cref="DossierKey.Of(string, string)"/>) of every event that may be
    /// appended next, before the first append, so that a session writing in sets learns in one statement
    /// which of them the log already holds.
    /// </summary>
    Task PrepareAppendsAsync(IReadOnlyCollection<string> eventKeys, CancellationToken ct);

    /// <summary>
    /// Appends an event to the log; returns its arrival sequence, or null when its source has already
    /// sent its id (stored, or appended earlier in this session). The sequence orders the event after every stored one
    /// and
    /// every earlier append; a session that writes in sets may number arrivals itself, in the order the
    /// log's own sequence will follow.
    /// </summary>
    Task<long?> AppendEventAsync(DossierEvent e, string? keyId, DateTimeOffset storedAt, CancellationToken ct);

    Task UpsertDossierAsync(DossierRow row, CancellationToken ct);

    /// <summary>
    /// Adds the changes to daily_facts and monthly_facts, dropping rows that fall back to all zeros, and
    /// marks the indicator values of every month whose facts changed stale (<c>indicator_values_stale</c>).
    /// </summary>
    Task ApplyFactsAsync(FactDeltas deltas, CancellationToken ct);

    /// <summary>Empties the projections (dossiers, daily and monthly facts) before a rebuild and marks every indicator
    /// value stale.</summary>
    Task ClearProjectionsAsync(CancellationToken ct);

    /// <summary>Every stored event, grouped by dossier (all events of a dossier are adjacent).</summary>
    IAsyncEnumerable<DossierEvent> ReadAllEventsAsync(CancellationToken ct);

    /// <summary>
    /// Counts a rewrite of the projections made without the writer (a rebuild, a bulk load), in this transaction, so
    /// that a writer holding rows from before it reads them again.
    /// </summary>
    Task CountProjectionRewriteAsync(CancellationToken ct);

    Task CommitAsync(CancellationToken ct);
}
