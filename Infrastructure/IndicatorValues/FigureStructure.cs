namespace Scorecard.Infrastructure.IndicatorValues;

/// <summary>
/// The readings of the units a row of <c>indicator_values</c> or <c>index_scores</c> is in (README "Units across
/// reorganisations"): the units valid during the period, or history carried to the units valid on the day of the
/// refresh.
/// </summary>
public static class FigureStructure
{
    /// <summary>The units valid during the period, each with the dossiers it received: what a feed read that does not
    /// name the structure answers.</summary>
    public const string AsOf = "as-of";

    /// <summary>The units valid on the day of the refresh, holding the history of the units whose duties they
    /// hold.</summary>
    public const string Current = "current";

    public static IReadOnlyList<string> All { get; } = [AsOf, Current];
}
