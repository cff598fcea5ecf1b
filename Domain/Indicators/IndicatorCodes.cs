namespace Scorecard.Domain.Indicators;

/// <summary>Codes of the built-in computed indicators.</summary>
public static class IndicatorCodes
{
    public const string OnTime = "on-time";
    public const string OnlineSubmission = "online-submission";
    public const string OnlinePayment = "online-payment";
    public const string Digitisation = "digitisation";
    public const string EResult = "e-result";
    public const string PopulationDb = "population-db";
    public const string OnlineService = "online-service";

    /// <summary>The six indicators computed from dossiers, in display order.</summary>
    public static IReadOnlyList<string> DossierBased { get; } =
    [OnTime, OnlineSubmission, OnlinePayment, Digitisation, EResult, PopulationDb];

    /// <summary>All seven built-ins, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. DossierBased, OnlineService];

    public static bool IsBuiltIn(string code) => All.Contains(code, StringComparer.Ordinal);
}
