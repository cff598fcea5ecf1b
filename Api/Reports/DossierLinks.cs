using System.Globalization;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Periods;

namespace Scorecard.Api.Reports;

/// <summary>
/// The OData query that lists the dossiers of a subtree and period that are in an indicator's denominator but not
/// in its numerator (the late ones, those not submitted online, …): the same predicates the figures count by
/// (README "Indicators"), in OData's filter syntax on the <c>Dossiers</c> feed.
/// </summary>
internal static class DossierLinks
{
    /// <summary>Received-side indicators: the dossiers received in the period that are in the denominator and not in
    /// the numerator.</summary>
    private static readonly Dictionary<string, string> NotCounted = new(StringComparer.Ordinal)
    {
        [IndicatorCodes.OnlineSubmission] =
            "(Channel ne 'online' or (PaperResult eq true and ElectronicResult eq false))",
        [IndicatorCodes.OnlinePayment] = "FeeRequired eq true and FeeWaived eq false and PaidOnline eq false",
        [IndicatorCodes.Digitisation] = "(Digitised eq false or (PaperResult eq true and ElectronicResult eq false))",
        [IndicatorCodes.EResult] = "PaperResult eq true and ElectronicResult eq false",
        [IndicatorCodes.PopulationDb] = "PopulationDbUsed eq false and VneidAuthenticated eq false",
        [IndicatorCodes.FullOnline] = "FullOnlineEligible eq true and Channel ne 'online'",
        [IndicatorCodes.DataReuse] = "ReusedDigitisedData eq false",
        [IndicatorCodes.PersonalDataStore] = "FromPersonalDataStore eq false",
    };

    /// <summary>The <c>/odata/Dossiers</c> query with <c>$count=true</c>, or null for an indicator whose missing
    /// points are not dossiers.</summary>
    /// <param name="units">The codes of the units whose dossiers count (the subtree).</param>
    /// <param name="asOf">Now: an open period's deadlines are judged at the earlier of now and its end.</param>
    public static string? For(
        string indicator,
        OnTimeRule rule,
        Period period,
        IReadOnlyCollection<string> units,
        DateTimeOffset asOf
    )
    {
        var (start, end) = (Instant(period.Start), Instant(period.End));
        string? filter = indicator switch
        {
            IndicatorCodes.OnTime when rule == OnTimeRule.National =>
            // In the period: received in it, or earlier and not ended when it began. Not in time: ended in it
            // late, or not ended by its end with a second supplement request or a deadline passed.
            $"ReceivedAt lt {end} and (ReceivedAt ge {start} or EndedAt eq null or EndedAt ge {start}) and "
                + $"((EndedAt ne null and EndedAt lt {end} and EndedInTime eq false) or "
                + $"((EndedAt eq null or EndedAt ge {end}) and (SupplementCount gt 1 or "
                + $"(DueAt ne null and DueAt lt {Instant(asOf < period.End ? asOf : period.End)}))))",
            IndicatorCodes.OnTime =>
                $"FinishedAt ge {start} and FinishedAt lt {end} and Status ne 'withdrawn' and Status ne 'refused' "
                    + "and Timeliness eq 'late'",
            _ when NotCounted.TryGetValue(indicator, out var predicate) =>
                $"ReceivedAt ge {start} and ReceivedAt lt {end} and {predicate}",
            _ => null,
        };
        if (filter is null)
        {
            return null;
        }

        var inUnits =
            units.Count == 1
                ? $"UnitCode eq {Literal(units.First())}"
                : $"UnitCode in ({string.Join(",", units.Order(StringComparer.Ordinal).Select(Literal))})";
        return $"/odata/Dossiers?$filter={Uri.EscapeDataString($"{inUnits} and {filter}")}&$count=true";
    }

    private static string Literal(string code) => $"'{code.Replace("'", "''", StringComparison.Ordinal)}'";

    private static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
