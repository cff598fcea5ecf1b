using Scorecard.Domain.Indicators;

namespace Scorecard.Domain.Bands;

/// <summary>The shipped band scales (README "Colour bands"), valid from 2020-01-01. The channel shares have
/// none.</summary>
public static class DefaultBands
{
    public const string Green = "green";
    public const string Yellow = "yellow";
    public const string Orange = "orange";
    public const string Red = "red";

    public static readonly DateOnly ValidFrom = new(2020, 1, 1);

    public static IReadOnlyDictionary<string, BandHistory> All { get; } =
        new Dictionary<string, BandHistory>(StringComparer.Ordinal)
        {
            [IndicatorCodes.OnTime] = History((90, Green), (80, Yellow), (70, Orange), (0, Red)),
            [IndicatorCodes.OnlineService] = History((50, Green), (0, Red)),
            [IndicatorCodes.OnlinePayment] = History((25, Green), (0, Red)),
            [IndicatorCodes.OnlineSubmission] = History((50, Green), (0, Red)),
            [IndicatorCodes.Digitisation] = History((80, Green), (50, Yellow), (0, Red)),
            [IndicatorCodes.EResult] = History((80, Green), (50, Yellow), (0, Red)),
            [IndicatorCodes.PopulationDb] = History((80, Green), (50, Yellow), (0, Red)),
            // The national index's full-points thresholds: green from there, red below.
            [IndicatorCodes.FullOnline] = History((100, Green), (0, Red)),
            [IndicatorCodes.DataReuse] = History((80, Green), (0, Red)),
            [IndicatorCodes.PersonalDataStore] = History((100, Green), (0, Red)),
            [IndicatorCodes.Satisfaction] = History((90, Green), (0, Red)),
            [IndicatorCodes.PaymentOffered] = History((80, Green), (0, Red)),
            [IndicatorCodes.PaymentProcedures] = History((100, Green), (0, Red)),
            [IndicatorCodes.PopulationDbProcedures] = History((100, Green), (0, Red)),
        };

    /// <summary>The default history of a built-in indicator, or null for one without bands (reported indicators,
    /// channel shares).</summary>
    public static BandHistory? For(string indicator) => All.GetValueOrDefault(indicator);

    private static BandHistory History(params (decimal Min, string Color)[] bands) =>
        new([new BandScale(ValidFrom, bands.Select(b => new Band(b.Min, b.Color)).ToArray())]);
}
