using Scorecard.Domain.Calendar;
using Scorecard.Domain.Time;

namespace Scorecard.Domain.Dossiers;

/// <summary>
/// Classifies a dossier against its effective deadline (<see cref="DossierState.DueAt"/>, which
/// already includes closed supplement pauses; an open pause keeps moving it until <c>asOf</c>).
/// Extending the deadline by the paused working time is the same test as the rule
/// "elapsed = finishedAt − Σ pauses ≤ allowed" with elapsed measured in working time.
/// </summary>
public static class TimelinessRules
{
    /// <returns>Null for withdrawn and refused dossiers.</returns>
    public static Timeliness? Classify(DossierState d, DateTimeOffset asOf, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(calendar);
        if (!d.IsCounted)
        {
            return null;
        }

        if (d.FinishedAt is not { } finished)
        {
            return IsOverdueAt(d, asOf, calendar) ? Timeliness.Overdue : Timeliness.InTime;
        }

        if (d.SupplementCount > 1)
        {
            return Timeliness.Late;
        }

        if (d.DueAt is not { } due)
        {
            return Timeliness.OnTime;
        }

        if (finished > due)
        {
            return Timeliness.Late;
        }

        return VietnamTime.DateOf(finished) < DueDay(due) ? Timeliness.Early : Timeliness.OnTime;
    }

    /// <summary>True when the dossier was still open at <paramref name="at"/> and its deadline had passed.</summary>
    public static bool IsOverdueAt(DossierState d, DateTimeOffset at, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(calendar);
        if (d.FinishedAt <= at || d.DueAt is not { } due)
        {
            return false;
        }

        if (d.SupplementOpenSince is { } since && at > since)
        {
            due = calendar.AddWorkingTime(due, calendar.WorkingTimeBetween(since, at));
        }

        return at > due;
    }

    /// <summary>
    /// The last Vietnam day on which the deadline has not yet passed: the day of the instant just
    /// before it, so a deadline of 00:00 belongs to the previous day.
    /// </summary>
    public static DateOnly DueDay(DateTimeOffset due) => VietnamTime.DateOf(due.AddTicks(-1));
}
