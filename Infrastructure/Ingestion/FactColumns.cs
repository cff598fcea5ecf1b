namespace Scorecard.Infrastructure.Ingestion;

/// <summary>The counter columns of <c>daily_facts</c>, listed once (same order as <see cref="FactCounts"/>).</summary>
public static class FactColumns
{
    public const string Names = "received, digitised, online_eligible, online, fee_required, paid_online, person_applicant, population_db_used, violations, finished, finished_on_time, resolved_or_returned, electronic_result";

    public const string Values = "@Received, @Digitised, @OnlineEligible, @Online, @FeeRequired, @PaidOnline, @PersonApplicant, @PopulationDbUsed, @Violations, @Finished, @FinishedOnTime, @ResolvedOrReturned, @ElectronicResult";

    /// <summary>The counters summed over the rows of <c>daily_facts f</c>, aliased as <see cref="FactCounts"/> members.</summary>
    public const string Sums = "SUM(f.received) AS Received, SUM(f.digitised) AS Digitised, SUM(f.online_eligible) AS OnlineEligible, SUM(f.online) AS Online, SUM(f.fee_required) AS FeeRequired, SUM(f.paid_online) AS PaidOnline, SUM(f.person_applicant) AS PersonApplicant, SUM(f.population_db_used) AS PopulationDbUsed, SUM(f.violations) AS Violations, SUM(f.finished) AS Finished, SUM(f.finished_on_time) AS FinishedOnTime, SUM(f.resolved_or_returned) AS ResolvedOrReturned, SUM(f.electronic_result) AS ElectronicResult";

    /// <summary>
    /// The numerator and denominator columns of each dossier-based indicator (a fixed whitelist: only
    /// these names ever reach SQL text), summed under the <see cref="FactCounts"/> member names.
    /// </summary>
    public static IReadOnlyDictionary<string, string> SumsOf { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Domain.Indicators.IndicatorCodes.OnTime] = "SUM(f.finished_on_time) AS FinishedOnTime, SUM(f.finished) AS Finished",
        [Domain.Indicators.IndicatorCodes.OnlineSubmission] = "SUM(f.online) AS Online, SUM(f.online_eligible) AS OnlineEligible",
        [Domain.Indicators.IndicatorCodes.OnlinePayment] = "SUM(f.paid_online) AS PaidOnline, SUM(f.fee_required) AS FeeRequired",
        [Domain.Indicators.IndicatorCodes.Digitisation] = "SUM(f.digitised) AS Digitised, SUM(f.received) AS Received",
        [Domain.Indicators.IndicatorCodes.EResult] = "SUM(f.electronic_result) AS ElectronicResult, SUM(f.resolved_or_returned) AS ResolvedOrReturned",
        [Domain.Indicators.IndicatorCodes.PopulationDb] = "SUM(f.population_db_used) AS PopulationDbUsed, SUM(f.person_applicant) AS PersonApplicant",
    };

    public const string Select = "received AS Received, digitised AS Digitised, online_eligible AS OnlineEligible, online AS Online, fee_required AS FeeRequired, paid_online AS PaidOnline, person_applicant AS PersonApplicant, population_db_used AS PopulationDbUsed, violations AS Violations, finished AS Finished, finished_on_time AS FinishedOnTime, resolved_or_returned AS ResolvedOrReturned, electronic_result AS ElectronicResult";

    /// <summary>SQLite upsert: add the incoming counts to the stored ones.</summary>
    public const string AddExcluded = "received = daily_facts.received + excluded.received, digitised = daily_facts.digitised + excluded.digitised, online_eligible = daily_facts.online_eligible + excluded.online_eligible, online = daily_facts.online + excluded.online, fee_required = daily_facts.fee_required + excluded.fee_required, paid_online = daily_facts.paid_online + excluded.paid_online, person_applicant = daily_facts.person_applicant + excluded.person_applicant, population_db_used = daily_facts.population_db_used + excluded.population_db_used, violations = daily_facts.violations + excluded.violations, finished = daily_facts.finished + excluded.finished, finished_on_time = daily_facts.finished_on_time + excluded.finished_on_time, resolved_or_returned = daily_facts.resolved_or_returned + excluded.resolved_or_returned, electronic_result = daily_facts.electronic_result + excluded.electronic_result";

    /// <summary>The same for monthly_facts.</summary>
    public const string AddExcludedMonthly = "received = monthly_facts.received + excluded.received, digitised = monthly_facts.digitised + excluded.digitised, online_eligible = monthly_facts.online_eligible + excluded.online_eligible, online = monthly_facts.online + excluded.online, fee_required = monthly_facts.fee_required + excluded.fee_required, paid_online = monthly_facts.paid_online + excluded.paid_online, person_applicant = monthly_facts.person_applicant + excluded.person_applicant, population_db_used = monthly_facts.population_db_used + excluded.population_db_used, violations = monthly_facts.violations + excluded.violations, finished = monthly_facts.finished + excluded.finished, finished_on_time = monthly_facts.finished_on_time + excluded.finished_on_time, resolved_or_returned = monthly_facts.resolved_or_returned + excluded.resolved_or_returned, electronic_result = monthly_facts.electronic_result + excluded.electronic_result";

    /// <summary>SQL Server: add the staged counts <c>s</c> to the stored row <c>f</c> (daily or monthly).</summary>
    public const string AddStaged = "received = f.received + s.received, digitised = f.digitised + s.digitised, online_eligible = f.online_eligible + s.online_eligible, online = f.online + s.online, fee_required = f.fee_required + s.fee_required, paid_online = f.paid_online + s.paid_online, person_applicant = f.person_applicant + s.person_applicant, population_db_used = f.population_db_used + s.population_db_used, violations = f.violations + s.violations, finished = f.finished + s.finished, finished_on_time = f.finished_on_time + s.finished_on_time, resolved_or_returned = f.resolved_or_returned + s.resolved_or_returned, electronic_result = f.electronic_result + s.electronic_result";

    public const string AllZero = "received = 0 AND digitised = 0 AND online_eligible = 0 AND online = 0 AND fee_required = 0 AND paid_online = 0 AND person_applicant = 0 AND population_db_used = 0 AND violations = 0 AND finished = 0 AND finished_on_time = 0 AND resolved_or_returned = 0 AND electronic_result = 0";
}
