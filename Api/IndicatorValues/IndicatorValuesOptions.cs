namespace Scorecard.Api.IndicatorValues;

/// <summary>The settings of section <c>IndicatorValues</c>.</summary>
internal sealed class IndicatorValuesOptions
{
    public const string Section = "IndicatorValues";

    /// <summary>How often, in seconds, <c>indicator_values</c> is brought up to date (a slow refresh spaces the next
    /// one out).</summary>
    public int RefreshSeconds { get; set; } = 5;

    /// <summary>The most rows one step of a refresh computes and holds before writing them (a refresh of many periods
    /// over many units runs in steps of whole periods; a period alone may exceed it).</summary>
    public int StepRows { get; set; } = 250_000;
}
