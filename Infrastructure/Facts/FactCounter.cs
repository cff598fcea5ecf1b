namespace Scorecard.Infrastructure.Facts;

/// <summary>
/// The counters of <c>daily_facts</c> and <c>monthly_facts</c>, in column order: the one list of them.
/// Each counter's column is its name in snake case (<c>FinishedOnTime</c> is <c>finished_on_time</c>),
/// and every statement, binder, staging table and reader is derived from this list. Adding a counter
/// is adding it here (before <see cref="Count"/>), saying in <see cref="FactCounts"/> what a dossier
/// adds to it, and a migration adding the column to both tables. Received-side counters count every
/// dossier received on the day, withdrawn and refused ones included; finished-side ones those finished
/// on the day, withdrawn and refused ones excluded; the national on-time counters (from <see cref="Ended"/>)
/// each count on their own day, given with them.
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

    /// <summary>
    /// Ended by the national reading, on <see cref="Domain.Indicators.DossierFacts.EndedDay"/>. With
    /// <see cref="Received"/> summed up to a day, how many were open then; the national on-time rule is
    /// computed from this counter and the four after it (README "Definitions", on-time).
    /// </summary>
    Ended,

    /// <summary>Of <see cref="Ended"/>, those that ended in time.</summary>
    EndedInTime,

    /// <summary>Received with more than one supplement request, on the reception day.</summary>
    ReceivedManySupplements,

    /// <summary>Of <see cref="Ended"/>, those with more than one supplement request.</summary>
    EndedManySupplements,

    /// <summary>With at most one supplement request and a deadline, on <see
    /// cref="Domain.Indicators.DossierFacts.DeadlineDay"/>.</summary>
    Deadline,

    /// <summary>Of <see cref="Deadline"/>, the ended ones, on <see
    /// cref="Domain.Indicators.DossierFacts.DeadlineEndedDay"/>.</summary>
    DeadlineEnded,

    /// <summary>Not a counter: how many there are.</summary>
    Count,
}
