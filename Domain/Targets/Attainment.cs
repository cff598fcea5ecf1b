namespace Scorecard.Domain.Targets;

public static class Attainment
{
    /// <summary>
    /// Gap = value − target rounded to 2 decimals (half away from zero). Status: no value → no-data;
    /// no target → no-target; closed period → met when value ≥ target, else not-met; open period →
    /// on-track when value ≥ target so far, else at-risk.
    /// </summary>
    public static TargetAttainment Evaluate(decimal? value, decimal? target, bool periodClosed)
    {
        if (target is not { } t)
        {
            return new TargetAttainment(null, value is null ? TargetStatus.NoData : TargetStatus.NoTarget);
        }

        if (value is not { } v)
        {
            return new TargetAttainment(null, TargetStatus.NoData);
        }

        var reached = v >= t;
        var status = periodClosed
            ? reached
                ? TargetStatus.Met
                : TargetStatus.NotMet
            : reached
                ? TargetStatus.OnTrack
                : TargetStatus.AtRisk;
        return new TargetAttainment(Math.Round(v - t, 2, MidpointRounding.AwayFromZero), status);
    }
}
