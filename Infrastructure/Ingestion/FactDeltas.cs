using Scorecard.Domain.Indicators;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Facts;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>Changes to daily_facts gathered over a batch, one entry per (unit, day).</summary>
public sealed class FactDeltas
{
    private readonly Dictionary<(int UnitId, DateOnly Day), FactCounts> changes = [];
    private readonly Dictionary<(int UnitId, DateOnly Month), FactCounts> monthChanges = [];

    public IReadOnlyDictionary<(int UnitId, DateOnly Day), FactCounts> Changes => changes;

    /// <summary>The same changes per unit and month (keyed by the month's first day), for monthly_facts.</summary>
    public IReadOnlyDictionary<(int UnitId, DateOnly Month), FactCounts> MonthChanges => monthChanges;

    private readonly Dictionary<ProcedureUseKey, long[]> uses = [];

    /// <summary>The changes to procedure_use, one entry per row (unit, level, year, procedure), each counter in
    /// <see cref="ProcedureUseColumns.Counters"/> order.</summary>
    public IReadOnlyDictionary<ProcedureUseKey, long[]> Uses => uses;

    public void Add(int unitId, DossierFacts facts) => Apply(unitId, facts, negate: false);

    public void Remove(int unitId, DossierFacts facts) => Apply(unitId, facts, negate: true);

    /// <summary>What a stored dossier row adds: its facts and its procedure's use.</summary>
    public void Add(DossierRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Apply(row.UnitId, row.ToFacts(), negate: false);
        ApplyUse(row, 1);
    }

    /// <summary>Takes back what a stored dossier row added.</summary>
    public void Remove(DossierRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Apply(row.UnitId, row.ToFacts(), negate: true);
        ApplyUse(row, -1);
    }

    private void ApplyUse(DossierRow row, int sign)
    {
        if (ProcedureUseRow.Of(row) is not var (key, paid, population))
        {
            return;
        }

        if (!uses.TryGetValue(key, out var counts))
        {
            counts = new long[ProcedureUseColumns.Counters.Count];
            uses[key] = counts;
        }

        if (paid >= 0)
        {
            counts[paid] += sign;
        }

        if (population >= 0)
        {
            counts[population] += sign;
        }
    }

    private void Apply(int unitId, DossierFacts facts, bool negate)
    {
        if (facts.ReceivedDay is { } received)
        {
            Merge(unitId, received, FactCounts.ReceivedSide(facts), negate);
        }

        if (facts.FinishedDay is { } finished)
        {
            Merge(unitId, finished, FactCounts.FinishedSide(facts), negate);
        }

        if (facts.EndedDay is { } ended)
        {
            Merge(unitId, ended, FactCounts.EndedSide(facts), negate);
        }

        if (facts.DeadlineDay is { } deadline)
        {
            Merge(unitId, deadline, FactCounts.Of((FactCounter.Deadline, 1)), negate);
        }

        if (facts.DeadlineEndedDay is { } deadlineEnded)
        {
            Merge(unitId, deadlineEnded, FactCounts.Of((FactCounter.DeadlineEnded, 1)), negate);
        }
    }

    private void Merge(int unitId, DateOnly day, FactCounts counts, bool negate)
    {
        if (counts.IsZero)
        {
            return;
        }

        var change = negate ? -counts : counts;
        var key = (unitId, day);
        changes[key] = changes.GetValueOrDefault(key) + change;
        var month = (unitId, new DateOnly(day.Year, day.Month, 1));
        monthChanges[month] = monthChanges.GetValueOrDefault(month) + change;
    }
}
