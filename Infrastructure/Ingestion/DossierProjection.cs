using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Reference;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>From a dossier's events to its stored row, with the reference data in force.</summary>
public static class DossierProjection
{
    /// <returns>The row, or null while the dossier has no <c>received</c> event (its events wait in the log).</returns>
    public static DossierRow? Project(string code, IReadOnlyList<DossierEvent> events, ReferenceData reference)
    {
        var received = events.FirstOrDefault(e => e.Type == DossierEventType.Received);
        if (received?.ProcedureCode is not { } procedureCode || received.UnitCode is not { } unitCode
            || reference.Procedure(procedureCode) is not { } procedure
            || reference.ProcedureId(procedureCode) is not { } procedureId || reference.UnitId(unitCode) is not { } unitId)
        {
            return null;
        }

        var state = DossierFold.Fold(events, procedure, reference.Calendar);
        return state is null ? null : DossierRow.From(state with { DossierCode = code }, unitId, procedureId, procedure, reference.Calendar);
    }
}
