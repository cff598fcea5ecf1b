using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Time;

namespace Scorecard.Domain.Indicators;

/// <summary>
/// What one dossier adds to each dossier-based indicator of one period (README "Definitions"). "Received in P"
/// uses <c>receivedAt</c> and "finished in P" uses <c>finishedAt</c>, in Vietnam time. Every ratio but on-time
/// counts the dossiers received in P, withdrawn and refused ones included (<see cref="DossierFacts.ReceivedSide"/>).
/// The state must be folded from events up to <c>asOf</c>.
/// </summary>
public static class DossierContributions
{
    /// <returns>A ratio (1/1, 0/1 or 0/0) for each code of <see cref="IndicatorCodes.DossierBased"/>.</returns>
    public static IReadOnlyDictionary<string, Ratio> Of(
        DossierState d,
        Procedure p,
        Period period,
        OnTimeRule rule,
        DateTimeOffset asOf,
        WorkCalendar cal
    )
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(cal);
        var facts = DossierFacts.From(d, p, cal);
        var received = period.Contains(d.ReceivedAt);
        var contributions = facts
            .ReceivedSide()
            .ToDictionary(c => c.Key, c => received ? c.Value : Ratio.Zero, StringComparer.Ordinal);
        var finished = d.IsCounted && d.FinishedAt is { } f && period.Contains(f);
        contributions[IndicatorCodes.OnTime] =
            rule == OnTimeRule.National
                ? NationalOnTime(d, period, asOf, cal)
                : Ratio.Of(finished, IsEarlyOrOnTime(d, asOf, cal));
        return contributions;
    }

    /// <summary>Whether the dossier had a complaint or a dislike, counted in the period that received it
    /// (5.4).</summary>
    public static Ratio Complaint(DossierState d, Period period)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(period);
        return Ratio.Of(period.Contains(d.ReceivedAt), d.Complaint);
    }

    /// <summary>
    /// A direct or postal dossier received (Vietnam date) inside the procedure's online-only pilot
    /// window. It counts in the <c>online-submission</c> denominator and never in its numerator.
    /// </summary>
    public static bool IsOnlineOnlyViolation(DossierState d, Procedure p)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(p);
        return d.IsCounted
            && d.Channel is Channel.Direct or Channel.Postal
            && p.IsOnlineOnlyOn(VietnamTime.DateOf(d.ReceivedAt));
    }

    /// <summary>
    /// National rule (2.1), by <see cref="NationalEnd"/>. Denominator: received in P, or received before P
    /// and not ended when it began; withdrawn and refused dossiers count (their withdrawal or refusal ends
    /// them). Numerator: of those, ended in P in time, or not ended by P's end (or by
    /// <paramref name="asOf"/> while P is open) and in time then. An open dossier is judged on its state as
    /// given; to judge it exactly as things stood at P's end, pass the state folded from the events before it.
    /// </summary>
    public static Ratio NationalOnTime(DossierState d, Period period, DateTimeOffset asOf, WorkCalendar cal)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(period);
        if (d.ReceivedAt >= period.End)
        {
            return Ratio.Zero;
        }

        var end = NationalEnd.Of(d);
        var openAtStart = d.ReceivedAt < period.Start && !(end < period.Start);
        if (!period.Contains(d.ReceivedAt) && !openAtStart)
        {
            return Ratio.Zero;
        }

        var at = asOf < period.End ? asOf : period.End;
        return Ratio.Of(true, NationalEnd.IsInTime(d, end is { } e && e < period.End ? e : at));
    }

    internal static bool IsEarlyOrOnTime(DossierState d, DateTimeOffset asOf, WorkCalendar cal) =>
        TimelinessRules.Classify(d, asOf, cal) is Timeliness.Early or Timeliness.OnTime;
}
