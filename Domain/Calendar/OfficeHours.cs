namespace Scorecard.Domain.Calendar;

/// <summary>One span of office time on a working day, in Vietnam local time (e.g. 07:30–11:30).</summary>
public readonly record struct OfficePeriod(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;
}

/// <summary>
/// A province's office hours from <paramref name="ValidFrom"/> until the next entry: the spans of a
/// working day (default 07:30–11:30 and 13:00–17:00, eight hours) and the cut-off of same-day
/// procedures (default 15:00: a dossier received later is due at the end of the next working day).
/// </summary>
public sealed record OfficeHours(DateOnly ValidFrom, IReadOnlyList<OfficePeriod> Periods, TimeOnly SameDayCutoff)
{
    /// <summary>The default schedule, in force from 2000 until a province sets its own.</summary>
    public static OfficeHours Default { get; } =
        new(
            new DateOnly(2000, 1, 1),
            [
                new OfficePeriod(new TimeOnly(7, 30), new TimeOnly(11, 30)),
                new OfficePeriod(new TimeOnly(13, 0), new TimeOnly(17, 0)),
            ],
            new TimeOnly(15, 0)
        );

    /// <summary>The office time of one working day: the length of a working day in deadlines.</summary>
    public TimeSpan WorkingDay => Periods.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Length);

    /// <summary>When office time ends on a working day.</summary>
    public TimeOnly Closing => Periods[^1].End;

    /// <summary>Why the schedule is not usable (null when it is): spans in order, not overlapping, not empty.</summary>
    public string? Problem()
    {
        if (Periods.Count == 0)
        {
            return "Office hours need at least one span.";
        }

        for (var i = 0; i < Periods.Count; i++)
        {
            if (Periods[i].End <= Periods[i].Start)
            {
                return $"The span {Periods[i].Start:HH\\:mm}–{Periods[i].End:HH\\:mm} ends before it starts.";
            }

            if (i > 0 && Periods[i].Start < Periods[i - 1].End)
            {
                return $"The span starting {Periods[i].Start:HH\\:mm} overlaps or precedes the one before it.";
            }
        }

        return null;
    }
}
