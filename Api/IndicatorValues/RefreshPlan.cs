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
}
