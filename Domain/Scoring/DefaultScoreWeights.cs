using Scorecard.Domain.Indicators;

namespace Scorecard.Domain.Scoring;

/// <summary>The default score weights (46 points in all; README "Composite score and ranking").</summary>
public static class DefaultScoreWeights
{
    public static IReadOnlyList<ScoreWeight> All { get; } =
    [
        new(IndicatorCodes.OnTime, 20, 100),
        new(IndicatorCodes.OnlineSubmission, 6, 50),
        new(IndicatorCodes.OnlinePayment, 6, 100),
        new(IndicatorCodes.Digitisation, 4, 80),
        new(IndicatorCodes.EResult, 6, 100),
        new(IndicatorCodes.PopulationDb, 2, 100),
        new(IndicatorCodes.OnlineService, 2, 80),
    ];
}
