using Scorecard.Domain.Periods;

namespace Scorecard.Domain.Indicators;

/// <summary>
/// The national on-time figure (<see cref="DossierContributions.NationalOnTime"/>) of every point of a series
/// at once, from each dossier's stored national reading, in time proportional to the dossiers (not dossiers ×
/// points): a dossier counts in the denominators of a run of consecutive points (from the one it was received
/// in to the one it ended in) and in the numerators of a run within it, so each adds to two difference arrays.
/// </summary>
public sealed class NationalOnTimeSeries
{
    private readonly IReadOnlyList<Period> points;
    private readonly DateTimeOffset asOf;
    private readonly long[] denominators;
    private readonly long[] numerators;

    /// <param name="points">Consecutive periods, in order, each starting where the previous one ends.</param>
    /// <param name="asOf">The instant open dossiers of a running period are judged at.</param>
    public NationalOnTimeSeries(IReadOnlyList<Period> points, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(points);
        this.points = points;
        this.asOf = asOf;
        denominators = new long[points.Count + 1];
        numerators = new long[points.Count + 1];
    }

    /// <summary>Adds one dossier.</summary>
    /// <param name="endedAt">When its handling ended by the national reading (null: still going on).</param>
    /// <param name="endedInTime">Whether that end was in time.</param>
    /// <param name="dueAt">Its deadline after supplement pauses (null: none).</param>
    public void Add(
        DateTimeOffset receivedAt,
        DateTimeOffset? endedAt,
        bool endedInTime,
        int supplementCount,
        DateTimeOffset? dueAt
    )
    {
        var first = FirstEndingAfter(receivedAt);
        // The point the dossier ended in (a point past the last when it goes on beyond them).
        var endPoint = endedAt is { } e ? FirstEndingAfter(e) : points.Count;
        if (first >= points.Count || endedAt < points[0].Start)
        {
            return;
        }

        var last = Math.Min(endPoint, points.Count - 1);
        Mark(denominators, first, last);
        // Open at the end of the points before its end point: in time while the deadline is not passed there.
        var openLast = Math.Min(endPoint, points.Count) - 1;
        if (supplementCount <= 1)
        {
            Mark(numerators, first, Math.Min(openLast, LastJudgedBy(dueAt)));
        }

        if (endPoint < points.Count && endedInTime)
        {
            Mark(numerators, endPoint, endPoint);
        }
    }

    /// <summary>Each point's figure, in the order of the points.</summary>
    public IReadOnlyList<Ratio> Ratios()
    {
        var ratios = new Ratio[points.Count];
        long numerator = 0;
        long denominator = 0;
        for (var i = 0; i < points.Count; i++)
        {
            numerator += numerators[i];
            denominator += denominators[i];
            ratios[i] = new Ratio(numerator, denominator);
        }

        return ratios;
    }

    /// <summary>The first point whose end is after <paramref name="instant"/> (<c>points.Count</c> when
    /// none).</summary>
    private int FirstEndingAfter(DateTimeOffset instant)
    {
        var (low, high) = (0, points.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = points[middle].End > instant ? (low, middle) : (middle + 1, high);
        }

        return low;
    }

    /// <summary>The last point whose judging instant (its end, or <c>asOf</c> while it runs) is not after the
    /// deadline.</summary>
    private int LastJudgedBy(DateTimeOffset? dueAt)
    {
        if (dueAt is not { } due)
        {
            return points.Count - 1;
        }

        var (low, high) = (0, points.Count);
        while (low < high)
        {
            var middle = (low + high) / 2;
            var at = asOf < points[middle].End ? asOf : points[middle].End;
            (low, high) = at <= due ? (middle + 1, high) : (low, middle);
        }

        return low - 1;
    }

    private static void Mark(long[] differences, int from, int to)
    {
        if (from > to)
        {
            return;
        }

        differences[from]++;
        differences[to + 1]--;
    }
}
