namespace Scorecard.Domain.Scoring;

/// <summary>The composite score used for ranking, as the national index computes it.</summary>
public static class CompositeScore
{
    /// <summary>
    /// Each weighted indicator with a value earns <c>min(MaxPoints, MaxPoints × value / FullAt)</c>
    /// (never below 0); indicators without a value (missing or null) are left out of both the points
    /// and the maximum. The result is the points as a percent of the applicable maximum, rounded to
    /// 2 decimals half away from zero, or null when no indicator applies.
    /// </summary>
    public static decimal? Compute(IReadOnlyDictionary<string, decimal?> values, IEnumerable<ScoreWeight> weights)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(weights);
        decimal points = 0;
        decimal maximum = 0;
        foreach (var w in weights)
        {
            if (w.MaxPoints <= 0 || w.FullAt <= 0 || values.GetValueOrDefault(w.Indicator) is not { } value)
            {
                continue;
            }

            points += Math.Clamp(w.MaxPoints * value / w.FullAt, 0, w.MaxPoints);
            maximum += w.MaxPoints;
        }

        return maximum == 0 ? null : Math.Round(100m * points / maximum, 2, MidpointRounding.AwayFromZero);
    }
}
