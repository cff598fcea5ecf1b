namespace Scorecard.Infrastructure.Facts;

/// <summary>
/// The counters of <c>daily_facts</c> and <c>monthly_facts</c>, in column order: the one list of them.
/// Each counter's column is its name in snake case (<c>FinishedOnTime</c> is <c>finished_on_time</c>),
/// and every statement, binder, staging table and reader is derived from this list. Adding a counter
/// is adding it here (before <see cref="Count"/>), saying in <see cref="FactCounts"/> what a dossier
/// adds to it, and a migration adding the column to both tables.
/// </summary>
public enum FactCounter
{
    Received,
    Digitised,
    OnlineEligible,
    Online,
    FeeRequired,
    PaidOnline,
    PersonApplicant,
    PopulationDbUsed,
    Violations,
    Finished,
    FinishedOnTime,
    ResolvedOrReturned,
    ElectronicResult,

    /// <summary>Not a counter: how many there are.</summary>
    Count,
}
