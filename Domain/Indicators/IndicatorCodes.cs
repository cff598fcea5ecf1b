namespace Scorecard.Domain.Indicators;

/// <summary>Codes of the built-in computed indicators, with the national formula each follows (README
/// "Definitions").</summary>
public static class IndicatorCodes
{
    /// <summary>2.1 dossiers handled early or on time, or still within time.</summary>
    public const string OnTime = "on-time";

    /// <summary>3.3 dossiers received online (with an electronic result where the result is paper) ÷
    /// received.</summary>
    public const string OnlineSubmission = "online-submission";

    /// <summary>3.6 dossiers paid online ÷ dossiers with a fee not waived.</summary>
    public const string OnlinePayment = "online-payment";

    /// <summary>4.2 dossiers digitised (with an electronic result where the result is paper) ÷ received.</summary>
    public const string Digitisation = "digitisation";

    /// <summary>4.1 dossiers with an electronic result ÷ dossiers of procedures whose result is paper.</summary>
    public const string EResult = "e-result";

    /// <summary>4.5b dossiers using the population database ÷ received.</summary>
    public const string PopulationDb = "population-db";

    /// <summary>Group 3: dossiers submitted online ÷ dossiers of procedures eligible for full online service.</summary>
    public const string FullOnline = "full-online";

    /// <summary>4.3 dossiers reusing digitised data ÷ received.</summary>
    public const string DataReuse = "data-reuse";

    /// <summary>4.4 dossiers linked with the applicant's personal data store ÷ received.</summary>
    public const string PersonalDataStore = "personal-data-store";

    /// <summary>Dossiers received online ÷ received (no band).</summary>
    public const string ChannelOnline = "channel-online";

    /// <summary>Dossiers received in person ÷ received (no band).</summary>
    public const string ChannelDirect = "channel-direct";

    /// <summary>Dossiers received by post ÷ received (no band).</summary>
    public const string ChannelPostal = "channel-postal";

    /// <summary>5.4 satisfaction with dossier handling: 100 − (late % + complaint %).</summary>
    public const string Satisfaction = "satisfaction";

    /// <summary>Procedures of the unit's level offering online service and integrated with the national
    /// portal.</summary>
    public const string OnlineService = "online-service";

    /// <summary>3.5 procedures with a fee offered for online payment on the portal ÷ procedures with a fee.</summary>
    public const string PaymentOffered = "payment-offered";

    /// <summary>3.5b procedures with a fee that had an online payment in the period ÷ procedures with a fee.</summary>
    public const string PaymentProcedures = "payment-procedures";

    /// <summary>4.5a procedures with a dossier using the population database ÷ procedures open to citizens.</summary>
    public const string PopulationDbProcedures = "population-db-procedures";

    /// <summary>The indicators counted dossier by dossier into the daily facts, in display order.</summary>
    public static IReadOnlyList<string> DossierBased { get; } =
    [
        OnTime,
        OnlineSubmission,
        OnlinePayment,
        Digitisation,
        EResult,
        PopulationDb,
        FullOnline,
        DataReuse,
        PersonalDataStore,
        ChannelOnline,
        ChannelDirect,
        ChannelPostal,
    ];

    /// <summary>The indicators that count procedures: from the catalogue, or procedures with a qualifying
    /// dossier.</summary>
    public static IReadOnlyList<string> ProcedureBased { get; } =
    [OnlineService, PaymentOffered, PaymentProcedures, PopulationDbProcedures];

    /// <summary>All built-ins, in display order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. DossierBased, Satisfaction, .. ProcedureBased];

    public static bool IsBuiltIn(string code) => All.Contains(code, StringComparer.Ordinal);
}
