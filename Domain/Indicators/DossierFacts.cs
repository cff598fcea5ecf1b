using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Time;

namespace Scorecard.Domain.Indicators;

/// <summary>
/// Day-level flags of one dossier for a per-unit-per-day aggregate. Summing, over the days of a
/// period, the dossiers whose <see cref="ReceivedDay"/> (received flags) or <see cref="FinishedDay"/>
/// (finished flags) falls in it reproduces <see cref="DossierContributions"/> for the
/// <see cref="OnTimeRule.Finished"/> rule:
/// on-time = finishedEarlyOrOnTime / finished; online-submission = online / (onlineEligible or violation);
/// online-payment = paidOnline / feeRequired; digitisation = digitised / received;
/// e-result = electronicResult / finishedResolvedOrReturned; population-db = populationDbUsed / personApplicant;
/// every count restricted to <see cref="Counted"/>.
/// </summary>
public sealed record DossierFacts
{
    public DateOnly? ReceivedDay { get; init; }

    public DateOnly? FinishedDay { get; init; }

    public bool Counted { get; init; }

    public bool OnlineEligible { get; init; }

    public bool Online { get; init; }

    public bool FeeRequired { get; init; }

    public bool PaidOnline { get; init; }

    public bool Digitised { get; init; }

    public bool PersonApplicant { get; init; }

    public bool PopulationDbUsed { get; init; }

    public bool FinishedResolvedOrReturned { get; init; }

    public bool ElectronicResult { get; init; }

    public bool FinishedEarlyOrOnTime { get; init; }

    public bool Violation { get; init; }

    public static DossierFacts From(DossierState d, Procedure p, WorkCalendar cal)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(cal);
        return new DossierFacts
        {
            ReceivedDay = VietnamTime.DateOf(d.ReceivedAt),
            FinishedDay = d.FinishedAt is { } f ? VietnamTime.DateOf(f) : null,
            Counted = d.IsCounted,
            OnlineEligible = p.OnlineService != OnlineService.None,
            Online = d.Channel == Channel.Online,
            FeeRequired = d.FeeRequired,
            PaidOnline = d.PaidOnline,
            Digitised = d.Digitised,
            PersonApplicant = p.PersonApplicant,
            PopulationDbUsed = d.PopulationDbUsed,
            FinishedResolvedOrReturned = d.FinishKind is FinishKind.Resolved or FinishKind.Returned,
            ElectronicResult = d.ElectronicResult,
            FinishedEarlyOrOnTime = d.FinishedAt is { } at && DossierContributions.IsEarlyOrOnTime(d, at, cal),
            Violation = DossierContributions.IsOnlineOnlyViolation(d, p),
        };
    }
}
