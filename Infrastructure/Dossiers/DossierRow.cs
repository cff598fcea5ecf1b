using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Time;
using Scorecard.Domain.Wire;

namespace Scorecard.Infrastructure.Dossiers;

/// <summary>
/// A row of the <c>dossiers</c> table: the folded state in storage form, with the procedure facts
/// it was counted under, so <see cref="ToFacts"/> gives back exactly what it added to daily_facts.
/// </summary>
public sealed record DossierRow
{
    /// <summary>The source whose events these are: a dossier is identified by source and code.</summary>
    public required string Source { get; init; }

    public required string Code { get; init; }
    public required int ProcedureId { get; init; }

    /// <summary>The procedure's level when the row was written (what the procedure-reach indicators match a unit's
    /// level against).</summary>
    public string ProcedureLevel { get; init; } = "";
    public required int UnitId { get; init; }
    public required string Channel { get; init; }
    public required string Status { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public string? FinishKind { get; init; }
    public DateTimeOffset? ReturnedAt { get; init; }
    public string? Timeliness { get; init; }
    public int SupplementCount { get; init; }
    public long SupplementSeconds { get; init; }
    public DateTimeOffset? SupplementOpenSince { get; init; }
    public bool FeeRequired { get; init; }
    public bool PaidOnline { get; init; }
    public long AmountPaid { get; init; }
    public bool Digitised { get; init; }
    public bool ElectronicResult { get; init; }
    public bool PopulationDbUsed { get; init; }
    public bool OnlineEligible { get; init; }
    public bool PersonApplicant { get; init; }
    public bool Violation { get; init; }

    /// <summary>The procedure's result was a paper document when the dossier was counted.</summary>
    public bool PaperResult { get; init; }

    /// <summary>The procedure was eligible for full online service when the dossier was counted.</summary>
    public bool FullOnlineEligible { get; init; }

    /// <summary>A fee amount of 0 was stated at reception.</summary>
    public bool FeeWaived { get; init; }

    public bool ReusedDigitisedData { get; init; }
    public bool FromPersonalDataStore { get; init; }
    public bool VneidAuthenticated { get; init; }
    public bool Complaint { get; init; }

    /// <summary>When the handling ended by the national reading (<see cref="NationalEnd"/>); null while it goes
    /// on.</summary>
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Whether that end was in time (null while the handling goes on).</summary>
    public bool? EndedInTime { get; init; }

    public static DossierRow From(
        string source,
        DossierState state,
        int unitId,
        int procedureId,
        Procedure procedure,
        WorkCalendar calendar
    )
    {
        // The stored timeliness is classified once here; ToFacts derives the on-time flag from it.
        var timeliness =
            state.IsFinished && state.IsCounted
                ? TimelinessRules.Classify(state, state.FinishedAt!.Value, calendar)
                : null;
        return new DossierRow
        {
            Source = source,
            Code = state.DossierCode,
            ProcedureId = procedureId,
            ProcedureLevel = WireName.Of(procedure.Level),
            UnitId = unitId,
            Channel = WireName.Of(state.Channel ?? Domain.Dossiers.Channel.Direct),
            Status = WireName.Of(state.Status),
            ReceivedAt = state.ReceivedAt,
            DueAt = state.DueAt,
            FinishedAt = state.FinishedAt,
            FinishKind = state.FinishKind == Domain.Dossiers.FinishKind.None ? null : WireName.Of(state.FinishKind),
            ReturnedAt = state.ReturnedAt,
            Timeliness = timeliness is { } t ? WireName.Of(t) : null,
            SupplementCount = state.SupplementCount,
            SupplementSeconds = (long)state.SupplementDuration.TotalSeconds,
            SupplementOpenSince = state.SupplementOpenSince,
            FeeRequired = state.FeeRequired,
            PaidOnline = state.PaidOnline,
            AmountPaid = state.AmountPaid,
            Digitised = state.Digitised,
            ElectronicResult = state.ElectronicResult,
            PopulationDbUsed = state.PopulationDbUsed,
            OnlineEligible = procedure.OnlineService != OnlineService.None,
            PersonApplicant = procedure.PersonApplicant,
            Violation = DossierContributions.IsOnlineOnlyViolation(state, procedure),
            PaperResult = procedure.PaperResult,
            FullOnlineEligible = procedure.IsFullOnlineEligible(),
            FeeWaived = state.FeeAmount == 0,
            ReusedDigitisedData = state.ReusedDigitisedData,
            FromPersonalDataStore = state.FromPersonalDataStore,
            VneidAuthenticated = state.VneidAuthenticated,
            Complaint = state.Complaint,
            EndedAt = NationalEnd.Of(state),
            EndedInTime = NationalEnd.Of(state) is { } end ? NationalEnd.IsInTime(state, end) : null,
        };
    }

    /// <summary>The day-level facts this row contributes (the inverse of what <see cref="From"/> stored).</summary>
    public DossierFacts ToFacts() =>
        new DossierFacts()
        {
            ReceivedDay = VietnamTime.DateOf(ReceivedAt),
            FinishedDay = FinishedAt is { } f ? VietnamTime.DateOf(f) : null,
            Counted = Status is not ("withdrawn" or "refused"),
            Online = Channel == "online",
            Postal = Channel == "postal",
            PaperResult = PaperResult,
            ElectronicResult = ElectronicResult,
            Digitised = Digitised,
            FeeRequired = FeeRequired && !FeeWaived,
            PaidOnline = PaidOnline,
            PopulationDbUsed = PopulationDbUsed || VneidAuthenticated,
            FullOnlineEligible = FullOnlineEligible,
            ReusedDigitisedData = ReusedDigitisedData,
            FromPersonalDataStore = FromPersonalDataStore,
            Complaint = Complaint,
            FinishedEarlyOrOnTime = Timeliness is "early" or "on-time",
        }.WithNationalEnd(ReceivedAt, EndedAt, EndedInTime == true, SupplementCount, DueAt);
}
