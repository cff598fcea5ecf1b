using System.Globalization;
using Scorecard.Domain.Periods;

namespace Scorecard.Domain.Bands;

/// <summary>The dated band scales of one indicator; the scale in force at a period's last day applies.</summary>
public sealed class BandHistory
{
    private readonly List<BandScale> scales;

    /// <exception cref="ArgumentException">A scale is invalid or two share a validFrom date.</exception>
    public BandHistory(IEnumerable<BandScale> scales)
    {
        ArgumentNullException.ThrowIfNull(scales);
        this.scales = [.. scales.OrderBy(s => s.ValidFrom)];
        var errors = this.scales.SelectMany(s => s.Validate().Select(e => $"{Day(s.ValidFrom)}: {e}")).ToList();
        errors.AddRange(
            this.scales.GroupBy(s => s.ValidFrom)
                .Where(g => g.Count() > 1)
                .Select(g => $"{Day(g.Key)}: more than one band scale is valid from this date.")
        );
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(scales));
        }
    }

    public IReadOnlyList<BandScale> Scales => scales;

    /// <summary>The scale with the latest validFrom on or before <paramref name="day"/>, if any.</summary>
    public BandScale? ScaleAt(DateOnly day) => scales.LastOrDefault(s => s.ValidFrom <= day);

    public string ColorFor(decimal? value, DateOnly day) => ScaleAt(day)?.ColorFor(value) ?? BandColors.None;

    public string ColorFor(decimal? value, Period period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return ColorFor(value, period.LastDay);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
