using Scorecard.Domain.Time;

namespace Scorecard.Infrastructure.Reports;

/// <summary>A day range as the whole months inside it plus at most two partial-month edges.</summary>
public static class MonthSplit
{
    /// <returns>The first days of the first and last whole months (null when none), and the day ranges around
    /// them.</returns>
    public static ((DateOnly First, DateOnly Last)? Months, IReadOnlyList<(DateOnly From, DateOnly To)> Days) Of(
        DateOnly from,
        DateOnly to
    )
    {
        var firstWhole = from.Day == 1 ? from : new DateOnly(from.Year, from.Month, 1).AddMonths(1);
        var lastWholeEnd = to.AddDays(1).Day == 1 ? to : new DateOnly(to.Year, to.Month, 1).AddDays(-1);
        if (firstWhole > lastWholeEnd)
        {
            return (null, [(from, to)]);
        }

        var days = new List<(DateOnly, DateOnly)>(2);
        if (from < firstWhole)
        {
            days.Add((from, firstWhole.AddDays(-1)));
        }

        if (lastWholeEnd < to)
        {
            days.Add((lastWholeEnd.AddDays(1), to));
        }

        return ((firstWhole, new DateOnly(lastWholeEnd.Year, lastWholeEnd.Month, 1)), days);
    }

    /// <summary>The first and last day of a period that begins and ends at Vietnam midnights (any other pair of
    /// instants is refused).</summary>
    public static (DateOnly First, DateOnly Last) Days(DateTimeOffset start, DateTimeOffset end)
    {
        var first = VietnamTime.DateOf(start);
        var next = VietnamTime.DateOf(end);
        if (VietnamTime.StartOf(first) != start || VietnamTime.StartOf(next) != end || next <= first)
        {
            throw new ArgumentException($"A period of whole Vietnam days is needed, not {start:O} to {end:O}.");
        }

        return (first, next.AddDays(-1));
    }
}
