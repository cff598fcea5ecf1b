using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>From a dossier's events to its stored row, with the reference data in force.</summary>
public static class DossierProjection
{
    /// <summary>Projects one dossier into its row and its daily facts (rebuilds and bulk loads).</summary>
    /// <returns>1 when a row was written, 0 while the dossier has no <c>received</c> event.</returns>
    public static async Task<int> WriteAsync(
        IIngestionSession session,
        IReadOnlyList<DossierEvent> events,
        ReferenceData reference,
        FactDeltas deltas,
        CancellationToken ct
    )
    {
        if (Project(events, reference) is not { } row)
        {
            return 0;
        }

        deltas.Add(row);
        await session.UpsertDossierAsync(row, ct).ConfigureAwait(false);
        return 1;
    }

    /// <summary>
    /// The events of one dossier (one source and code) folded into its row; events whose sender's scope
    /// does not hold the receiving unit are left out (<see cref="SenderScopes"/>).
    /// </summary>
    /// <returns>The row, or null while the dossier has no <c>received</c> event (its events wait in the log).</returns>
    public static DossierRow? Project(IReadOnlyList<DossierEvent> events, ReferenceData reference)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(reference);
        var received = events.FirstOrDefault(e => e.Type == DossierEventType.Received);
        if (
            received?.ProcedureCode is not { } procedureCode
            || received.UnitCode is not { } unitCode
            || reference.Procedure(procedureCode) is not { } procedure
            || reference.ProcedureId(procedureCode) is not { } procedureId
            || reference.UnitId(unitCode) is not { } unitId
        )
        {
            return null;
        }

        var state = DossierFold.Fold(
            SenderScopes.Applicable(events, unitCode, reference.Units),
            procedure,
            reference.Calendar
        );
        return state is null
            ? null
            : DossierRow.From(
                received.Source,
                state with
                {
                    DossierCode = received.DossierCode,
                },
                unitId,
                procedureId,
                procedure,
                reference.Calendar
            );
    }

    /// <summary>
    /// Ends a transaction that projected dossiers without the writer (rebuilds and bulk loads): adds
    /// their facts, counts the rewrite (a running writer then forgets the rows it remembers), commits, and copies the
    /// log into the database file.
    /// </summary>
    public static async Task CommitAsync(
        IIngestionSession session,
        FactDeltas deltas,
        Sqlite.SqliteCheckpointer checkpointer,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(checkpointer);
        await session.ApplyFactsAsync(deltas, ct).ConfigureAwait(false);
        await session.CountProjectionRewriteAsync(ct).ConfigureAwait(false);
        await session.CommitAsync(ct).ConfigureAwait(false);
        await checkpointer.CheckpointNowAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Below this many dossiers <see cref="ProjectAll"/> folds on one thread (starting workers would cost
    /// more).</summary>
    private const int ParallelFrom = 64;

    /// <summary>
    /// Projects many dossiers on every core: folding is CPU work over immutable reference data, and
    /// no one else touches the event lists meanwhile.
    /// </summary>
    /// <returns>The rows in the order of <paramref name="keys"/> (null where <see cref="Project"/> gives
    /// none).</returns>
    public static DossierRow?[] ProjectAll(
        string[] keys,
        IReadOnlyDictionary<string, List<DossierEvent>> events,
        ReferenceData reference
    )
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(events);
        var rows = new DossierRow?[keys.Length];
        if (keys.Length < ParallelFrom)
        {
            for (var i = 0; i < keys.Length; i++)
            {
                rows[i] = Project(events[keys[i]], reference);
            }
        }
        else
        {
            Parallel.For(0, keys.Length, i => rows[i] = Project(events[keys[i]], reference));
        }

        return rows;
    }
}
