using System.Globalization;
using Scorecard.Domain.Calendar;

namespace Scorecard.Api.Endpoints;

/// <summary>Office hours on the wire: spans and cut-off as <c>HH:mm</c>, Vietnam local time.</summary>
internal sealed record OfficeHoursView(DateOnly? ValidFrom, List<OfficePeriodView>? Periods, string? SameDayCutoff)
{
    public static OfficeHoursView From(OfficeHours h) =>
        new(
            h.ValidFrom,
            [.. h.Periods.Select(p => new OfficePeriodView(Format(p.Start), Format(p.End)))],
            Format(h.SameDayCutoff)
        );

    public OfficeHours ToHours() =>
        new(
            ValidFrom!.Value,
            [.. Periods!.Select(p => new OfficePeriod(Parse(p.Start)!.Value, Parse(p.End)!.Value))],
            Parse(SameDayCutoff)!.Value
        );

    /// <summary>Why each entry is not usable, by its index; empty when all are.</summary>
    public static Dictionary<string, string[]> Problems(IReadOnlyList<OfficeHoursView?> entries)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry)
            {
                errors[$"[{i}]"] = ["Each entry is an object with 'validFrom', 'periods' and 'sameDayCutoff'."];
            }
            else if (Problem(entry) is { } problem)
            {
                errors[$"[{i}]"] = [problem];
            }
            else if (entries.Take(i).Any(e => e?.ValidFrom == entry.ValidFrom))
            {
                errors[$"[{i}]"] = [$"Two entries start on {entry.ValidFrom:yyyy-MM-dd}."];
            }
        }

        return errors;
    }

    private static string? Problem(OfficeHoursView e)
    {
        if (e.ValidFrom is null || e.Periods is null || e.SameDayCutoff is null)
        {
            return "'validFrom', 'periods' and 'sameDayCutoff' are required.";
        }

        if (e.Periods.Count is 0 or > 6)
        {
            return "'periods' holds one to six spans.";
        }

        if (
            Parse(e.SameDayCutoff) is null
            || e.Periods.Any(p => p is null || Parse(p.Start) is null || Parse(p.End) is null)
        )
        {
            return "Times are 'HH:mm' (e.g. '07:30').";
        }

        return e.ToHours().Problem();
    }

    private static TimeOnly? Parse(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : null;

    private static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}

internal sealed record OfficePeriodView(string? Start, string? End);
