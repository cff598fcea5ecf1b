namespace Scorecard.Infrastructure.Facts;

/// <summary>
/// The counters of <c>daily_facts</c> and <c>monthly_facts</c>, in column order: the one list of them.
/// Each counter's column is its name in snake case (<c>FinishedOnTime</c> is <c>finished_on_time</c>),
/// and every statement, binder, staging table and reader is derived from this list. Adding a counter
/// is adding it here (before <see cref="Count"/>), saying in <see cref="FactCounts"/> what a dossier
/// adds to it, and a migration adding the column to both tables. Received-side counters count every
/// dossier received on the day, withdrawn and refused ones included; finished-side ones those finished
/// on the day, withdrawn and refused ones excluded.
/// </summary>
public enum FactCounter
{
    Received,

    /// <summary>Online, with an electronic result where the result is paper (3.3).</summary>
    Online,
    FeeRequired,
    PaidOnline,

    /// <summary>Digitised, with an electronic result where the result is paper (4.2).</summary>
    Digitised,
    PaperResult,

    /// <summary>Of <see cref="PaperResult"/>, those with an electronic result (4.1).</summary>
    ElectronicResult,
    PopulationDbUsed,
    FullOnlineEligible,
    FullOnline,
    ReusedData,
    PersonalDataStore,
    Complaints,
    ChannelOnline,
    ChannelDirect,
    ChannelPostal,
    Finished,
    FinishedOnTime,

    /// <summary>Not a counter: how many there are.</summary>
    Count,
}
