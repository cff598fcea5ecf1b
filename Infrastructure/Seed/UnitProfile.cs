namespace Scorecard.Infrastructure.Seed;

/// <summary>How well one unit performs in the generated history (rates between 0 and 1).</summary>
internal sealed record UnitProfile(
    double OnTime,
    double Online,
    double PaidOnline,
    double Digitised,
    double ElectronicResult,
    double PopulationDb
)
{
    /// <summary>Province agencies do best, communes worst, and every unit differs from its peers.</summary>
    public static UnitProfile Draw(Random random, Domain.Levels.UnitLevel level)
    {
        var (onTime, online, digital) = level switch
        {
            Domain.Levels.UnitLevel.Province => (0.93, 0.62, 0.85),
            Domain.Levels.UnitLevel.District => (0.88, 0.45, 0.72),
            _ => (0.82, 0.33, 0.58),
        };
        double Around(double centre, double spread) =>
            Math.Clamp(centre + ((random.NextDouble() * 2) - 1) * spread, 0.02, 0.995);
        return new UnitProfile(
            Around(onTime, 0.12),
            Around(online, 0.25),
            Around(online * 0.6, 0.2),
            Around(digital, 0.2),
            Around(digital - 0.1, 0.25),
            Around(digital, 0.2)
        );
    }
}
