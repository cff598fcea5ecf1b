namespace Scorecard.Domain.Indicators;

/// <summary>
/// A count-based indicator value. Rollups add numerators and denominators (never average percents).
/// </summary>
public readonly record struct Ratio(long Numerator, long Denominator)
{
    public static Ratio Zero => default;

    /// <summary>100 × numerator / denominator, rounded to 2 decimals half away from zero; null when the denominator is
    /// 0.</summary>
    public decimal? Percent =>
        Denominator == 0 ? null : Math.Round(100m * Numerator / Denominator, 2, MidpointRounding.AwayFromZero);

    public static Ratio operator +(Ratio left, Ratio right) => left.Add(right);

    public Ratio Add(Ratio other) => new(Numerator + other.Numerator, Denominator + other.Denominator);

    public static Ratio Sum(IEnumerable<Ratio> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        return ratios.Aggregate(Zero, (sum, r) => sum + r);
    }

    /// <summary>1/1 when both conditions hold, 0/1 when only <paramref name="inDenominator"/> holds, else
    /// 0/0.</summary>
    public static Ratio Of(bool inDenominator, bool inNumerator) =>
        inDenominator ? new Ratio(inNumerator ? 1 : 0, 1) : Zero;
}
