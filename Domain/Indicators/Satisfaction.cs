namespace Scorecard.Domain.Indicators;

/// <summary>
/// Satisfaction with dossier handling (national formula 5.4): 100 − (late % + complaint %), where late % is
/// 100 − the on-time figure (2.1) and complaint % the dossiers received in the period with a complaint or a
/// dislike ÷ the dossiers received. That is the on-time share minus the complaint share, kept as one exact
/// fraction in lowest terms and never below 0.
/// </summary>
public static class Satisfaction
{
    /// <returns>0/0 when on-time has no dossiers; on-time itself when nothing was received in the period.</returns>
    public static Ratio Of(Ratio onTime, Ratio complaints)
    {
        if (onTime.Denominator == 0)
        {
            return Ratio.Zero;
        }

        if (complaints.Denominator == 0)
        {
            return onTime;
        }

        var numerator = Math.Max(
            0,
            onTime.Numerator * complaints.Denominator - complaints.Numerator * onTime.Denominator
        );
        var denominator = onTime.Denominator * complaints.Denominator;
        var divisor = (long)System.Numerics.BigInteger.GreatestCommonDivisor(numerator, denominator);
        return new Ratio(numerator / divisor, denominator / divisor);
    }
}
