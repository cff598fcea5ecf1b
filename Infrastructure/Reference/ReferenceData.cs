using Scorecard.Domain.Calendar;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Units;

namespace Scorecard.Infrastructure.Reference;

/// <summary>
/// A consistent snapshot of the reference data the write path needs: the unit tree with the
/// database ids of units, procedures with theirs, and the working-day calendar.
/// </summary>
public sealed class ReferenceData(
    UnitTree units,
    IReadOnlyDictionary<string, int> unitIds,
    IReadOnlyDictionary<string, (int Id, Procedure Procedure)> procedures,
    WorkCalendar calendar)
{
    public UnitTree Units { get; } = units;

    public WorkCalendar Calendar { get; } = calendar;

    public int? UnitId(string code) => unitIds.TryGetValue(code, out var id) ? id : null;

    public Procedure? Procedure(string code) => procedures.TryGetValue(code, out var p) ? p.Procedure : null;

    public int? ProcedureId(string code) => procedures.TryGetValue(code, out var p) ? p.Id : null;
}
