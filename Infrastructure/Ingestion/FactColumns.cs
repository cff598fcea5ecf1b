using System.Data.Common;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>The counter columns of <c>daily_facts</c>, listed once (same order as <see cref="FactCounts"/>).</summary>
internal static class FactColumns
{
    public const string Names = "received, digitised, online_eligible, online, fee_required, paid_online, person_applicant, population_db_used, violations, finished, finished_on_time, resolved_or_returned, electronic_result";

    public const string Values = "@Received, @Digitised, @OnlineEligible, @Online, @FeeRequired, @PaidOnline, @PersonApplicant, @PopulationDbUsed, @Violations, @Finished, @FinishedOnTime, @ResolvedOrReturned, @ElectronicResult";

    public const string Select = "received AS Received, digitised AS Digitised, online_eligible AS OnlineEligible, online AS Online, fee_required AS FeeRequired, paid_online AS PaidOnline, person_applicant AS PersonApplicant, population_db_used AS PopulationDbUsed, violations AS Violations, finished AS Finished, finished_on_time AS FinishedOnTime, resolved_or_returned AS ResolvedOrReturned, electronic_result AS ElectronicResult";

    /// <summary>SQLite upsert: add the incoming counts to the stored ones.</summary>
    public const string AddExcluded = "received = daily_facts.received + excluded.received, digitised = daily_facts.digitised + excluded.digitised, online_eligible = daily_facts.online_eligible + excluded.online_eligible, online = daily_facts.online + excluded.online, fee_required = daily_facts.fee_required + excluded.fee_required, paid_online = daily_facts.paid_online + excluded.paid_online, person_applicant = daily_facts.person_applicant + excluded.person_applicant, population_db_used = daily_facts.population_db_used + excluded.population_db_used, violations = daily_facts.violations + excluded.violations, finished = daily_facts.finished + excluded.finished, finished_on_time = daily_facts.finished_on_time + excluded.finished_on_time, resolved_or_returned = daily_facts.resolved_or_returned + excluded.resolved_or_returned, electronic_result = daily_facts.electronic_result + excluded.electronic_result";

    public const string AllZero = "received = 0 AND digitised = 0 AND online_eligible = 0 AND online = 0 AND fee_required = 0 AND paid_online = 0 AND person_applicant = 0 AND population_db_used = 0 AND violations = 0 AND finished = 0 AND finished_on_time = 0 AND resolved_or_returned = 0 AND electronic_result = 0";

    public static void Bind(DbParameterCollection parameters, FactCounts counts)
    {
        parameters["@Received"].Value = counts.Received;
        parameters["@Digitised"].Value = counts.Digitised;
        parameters["@OnlineEligible"].Value = counts.OnlineEligible;
        parameters["@Online"].Value = counts.Online;
        parameters["@FeeRequired"].Value = counts.FeeRequired;
        parameters["@PaidOnline"].Value = counts.PaidOnline;
        parameters["@PersonApplicant"].Value = counts.PersonApplicant;
        parameters["@PopulationDbUsed"].Value = counts.PopulationDbUsed;
        parameters["@Violations"].Value = counts.Violations;
        parameters["@Finished"].Value = counts.Finished;
        parameters["@FinishedOnTime"].Value = counts.FinishedOnTime;
        parameters["@ResolvedOrReturned"].Value = counts.ResolvedOrReturned;
        parameters["@ElectronicResult"].Value = counts.ElectronicResult;
    }
}
