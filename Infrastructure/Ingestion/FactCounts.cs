using Scorecard.Domain.Indicators;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// One row of <c>daily_facts</c> (or a change to one): counts of dossiers of one unit on one
/// Vietnam day. See Migrations/Sqlite/0002_DailyFacts.sql for which indicator each pair feeds.
/// </summary>
public readonly record struct FactCounts(
    long Received,
    long Digitised,
    long OnlineEligible,
    long Online,
    long FeeRequired,
    long PaidOnline,
    long PersonApplicant,
    long PopulationDbUsed,
    long Violations,
    long Finished,
    long FinishedOnTime,
    long ResolvedOrReturned,
    long ElectronicResult)
{
    public bool IsZero => this == default;

    public bool HasNegative =>
        Received < 0 || Digitised < 0 || OnlineEligible < 0 || Online < 0 || FeeRequired < 0 || PaidOnline < 0 || PersonApplicant < 0
        || PopulationDbUsed < 0 || Violations < 0 || Finished < 0 || FinishedOnTime < 0 || ResolvedOrReturned < 0 || ElectronicResult < 0;

    public static FactCounts operator +(FactCounts a, FactCounts b) => new(
        a.Received + b.Received, a.Digitised + b.Digitised, a.OnlineEligible + b.OnlineEligible, a.Online + b.Online,
        a.FeeRequired + b.FeeRequired, a.PaidOnline + b.PaidOnline, a.PersonApplicant + b.PersonApplicant,
        a.PopulationDbUsed + b.PopulationDbUsed, a.Violations + b.Violations, a.Finished + b.Finished,
        a.FinishedOnTime + b.FinishedOnTime, a.ResolvedOrReturned + b.ResolvedOrReturned, a.ElectronicResult + b.ElectronicResult);

    public static FactCounts operator -(FactCounts a) => new(
        -a.Received, -a.Digitised, -a.OnlineEligible, -a.Online, -a.FeeRequired, -a.PaidOnline, -a.PersonApplicant,
        -a.PopulationDbUsed, -a.Violations, -a.Finished, -a.FinishedOnTime, -a.ResolvedOrReturned, -a.ElectronicResult);

    public static FactCounts Add(FactCounts left, FactCounts right) => left + right;

    public static FactCounts Negate(FactCounts value) => -value;

    /// <summary>What a dossier adds on the day it was received (numerators only inside their denominators).</summary>
    public static FactCounts ReceivedSide(DossierFacts f)
    {
        if (!f.Counted)
        {
            return default;
        }

        var eligible = f.OnlineEligible || f.Violation;
        return new FactCounts(
            Received: 1,
            Digitised: One(f.Digitised),
            OnlineEligible: One(eligible),
            Online: One(eligible && f.Online),
            FeeRequired: One(f.FeeRequired),
            PaidOnline: One(f.FeeRequired && f.PaidOnline),
            PersonApplicant: One(f.PersonApplicant),
            PopulationDbUsed: One(f.PersonApplicant && f.PopulationDbUsed),
            Violations: One(f.Violation),
            0, 0, 0, 0);
    }

    /// <summary>What a dossier adds on the day it was finished.</summary>
    public static FactCounts FinishedSide(DossierFacts f)
    {
        if (!f.Counted || f.FinishedDay is null)
        {
            return default;
        }

        return new FactCounts(0, 0, 0, 0, 0, 0, 0, 0, 0,
            Finished: 1,
            FinishedOnTime: One(f.FinishedEarlyOrOnTime),
            ResolvedOrReturned: One(f.FinishedResolvedOrReturned),
            ElectronicResult: One(f.FinishedResolvedOrReturned && f.ElectronicResult));
    }

    /// <summary>The dossier-based indicators these counts give (SPEC §6, rule <c>finished</c>).</summary>
    public IReadOnlyDictionary<string, Ratio> Ratios() => new Dictionary<string, Ratio>(StringComparer.Ordinal)
    {
        [IndicatorCodes.OnTime] = new(FinishedOnTime, Finished),
        [IndicatorCodes.OnlineSubmission] = new(Online, OnlineEligible),
        [IndicatorCodes.OnlinePayment] = new(PaidOnline, FeeRequired),
        [IndicatorCodes.Digitisation] = new(Digitised, Received),
        [IndicatorCodes.EResult] = new(ElectronicResult, ResolvedOrReturned),
        [IndicatorCodes.PopulationDb] = new(PopulationDbUsed, PersonApplicant),
    };

    private static long One(bool flag) => flag ? 1 : 0;
}
