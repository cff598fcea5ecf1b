using System.Globalization;
using Scorecard.Infrastructure.Database;

namespace Scorecard.Infrastructure.IndicatorValues;

/// <summary>One row of <c>indicator_values_stale</c> as read: a month's first day (or <see cref="StaleMarks.All"/>) and
/// its version.</summary>
public sealed record StaleMark(string Month, long Version)
{
    public bool IsAll => Month == StaleMarks.All;

    /// <summary>The month marked, or null for the mark of everything.</summary>
    public DateOnly? Day =>
        IsAll ? null : DateOnly.ParseExact(Month, DapperTypeHandlers.DateFormat, CultureInfo.InvariantCulture);
}
