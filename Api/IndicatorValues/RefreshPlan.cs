using Scorecard.Domain.Periods;
using Scorecard.Infrastructure.IndicatorValues;

namespace Scorecard.Api.IndicatorValues;

/// <summary>
/// What one refresh of <c>indicator_values</c> recomputes: every period (<paramref name="Full"/>), or
/// the <paramref name="Periods"/> of the stale months; <paramref name="Covers"/> is the span of months
/// the table holds afterwards (null: no rows at all).
/// </summary>
internal sealed record RefreshPlan(bool Full, IReadOnlyList<Period> Periods, MonthRange? Covers)
{
    /// <param name="marks">The stale marks read.</param>
    /// <param name="stored">The months the table holds now (null: none).</param>
    /// <param name="firstMonth">The first month with data (facts or a reported calendar period), null without
    /// data.</param>
    /// <param name="currentMonth">The current Vietnam month: rows end there.</param>
    public static RefreshPlan Of(
        IReadOnlyList<StaleMark> marks,
        MonthRange? stored,
        DateOnly? firstMonth,
        DateOnly currentMonth
    )
    {
        ArgumentNullException.ThrowIfNull(marks);
        MonthRange? covers =
            firstMonth is { } first && first <= currentMonth ? new MonthRange(first, currentMonth) : null;
        var full = marks.Any(m => m.IsAll) || stored?.First != covers?.First || stored?.Last > covers?.Last;
        if (covers is not { } range)
        {
            return new RefreshPlan(full, [], null);
        }

        if (full)
        {
            return new RefreshPlan(true, CalendarPeriods.Overlapping(range.First, range.Last), covers);
        }

        // Marked months inside the span, and the months the clock has moved into since the last refresh.
        var months = marks
            .Select(m => m.Day)
            .OfType<DateOnly>()
            .Where(m => m >= range.First && m <= range.Last)
            .Concat(CalendarPeriods.Months(stored!.Value.Last.AddMonths(1), range.Last));
        return new RefreshPlan(false, CalendarPeriods.Distinct(months), covers);
    }

    /// <summary>The codes of the periods whose rows are replaced; null when every row is.</summary>
    public IReadOnlyCollection<string>? Replaced => Full ? null : [.. Periods.Select(p => p.Code)];

    /// <summary>
    /// The periods in steps of consecutive periods, each computing at most <paramref name="budget"/> rows by
    /// <paramref name="rowsOf"/> (a period alone may exceed it), so that a refresh of many periods over many units
    /// holds one step's rows at a time. A plan without periods is one empty step.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<Period>> Steps(Func<Period, int> rowsOf, int budget)
    {
        ArgumentNullException.ThrowIfNull(rowsOf);
        var steps = new List<IReadOnlyList<Period>>();
        var step = new List<Period>();
        var rows = 0L;
        foreach (var period in Periods)
        {
            var add = rowsOf(period);
            if (step.Count > 0 && rows + add > budget)
            {
                steps.Add(step);
                (step, rows) = ([], 0);
            }

            step.Add(period);
            rows += add;
        }

        steps.Add(step);
        return steps;
    }

    /// <summary>
    /// The codes of the periods one of several <see cref="Steps"/> replaces: its own, and, for the last step of a full
    /// plan, the periods of the <paramref name="stored"/> months that the plan no longer computes (their rows go).
    /// </summary>
    public IReadOnlyCollection<string> ReplacedBy(IReadOnlyList<Period> step, bool last, MonthRange? stored)
    {
        ArgumentNullException.ThrowIfNull(step);
        var codes = step.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        if (last && Full && stored is { } range)
        {
            var computed = Periods.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
            codes.UnionWith(
                CalendarPeriods
                    .Overlapping(range.First, range.Last)
                    .Select(p => p.Code)
                    .Where(c => !computed.Contains(c))
            );
        }

        return codes;
    }
}
