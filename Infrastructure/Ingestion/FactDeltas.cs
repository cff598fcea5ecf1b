using Scorecard.Domain.Indicators;
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

    public void Add(int unitId, DossierFacts facts) => Apply(unitId, facts, negate: false);

    public void Remove(int unitId, DossierFacts facts) => Apply(unitId, facts, negate: true);

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
