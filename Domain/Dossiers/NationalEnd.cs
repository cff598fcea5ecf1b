namespace Scorecard.Domain.Dossiers;

/// <summary>
/// The national portal's reading of when a dossier's handling ended and whether that was in time
/// (its on-time indicator, 2.1). A dossier ends at the first of resolved, result returned, stopped,
/// refused or withdrawn; one waiting for the applicant after its only supplement request ends at that
/// request. A dossier with more than one supplement request is late, ended or not. An end is in time
/// when it is not after the deadline (the promised date after supplement pauses; an apology date never
/// counts); a dossier without a deadline is in time.
/// </summary>
public static class NationalEnd
{
    /// <summary>When the handling ended, by the national reading; null while it goes on.</summary>
    public static DateTimeOffset? Of(DossierState d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var end = d.FinishedAt is { } finished && (d.ExitAt is not { } exit || finished <= exit) ? finished : d.ExitAt;
        return end ?? (d.SupplementCount == 1 ? d.SupplementOpenSince : null);
    }

    /// <summary>True when the dossier ended in time (or, still going on, is in time at <paramref
    /// name="at"/>).</summary>
    public static bool IsInTime(DossierState d, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(d);
        if (d.SupplementCount > 1)
        {
            return false;
        }

        var judged = Of(d) is { } end && end <= at ? end : at;
        return d.DueAt is not { } due || judged <= due;
    }
}
