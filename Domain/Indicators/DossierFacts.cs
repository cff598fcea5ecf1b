using Scorecard.Domain.Calendar;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Procedures;
using Scorecard.Domain.Time;

namespace Scorecard.Domain.Indicators;

/// <summary>
/// Day-level flags of one dossier for a per-unit-per-day aggregate, and the national method's reading of
/// them (README "Definitions"). Every ratio but on-time is chosen by reception date and counts every
/// received dossier, withdrawn and refused ones included (<see cref="ReceivedSide"/>); the on-time rule
/// <see cref="OnTimeRule.Finished"/> counts dossiers finished in the period, withdrawn and refused ones
/// excluded. Summing, over the days of a period, the dossiers whose <see cref="ReceivedDay"/> or
/// <see cref="FinishedDay"/> falls in it reproduces <see cref="DossierContributions"/>.
/// </summary>
public sealed record DossierFacts
{
    public DateOnly? ReceivedDay { get; init; }

    public DateOnly? FinishedDay { get; init; }

    /// <summary>Neither withdrawn nor refused: what the <see cref="OnTimeRule.Finished"/> rule counts.</summary>
    public bool Counted { get; init; }

    public bool Online { get; init; }

    public bool Postal { get; init; }

    /// <summary>The procedure's result is a paper document.</summary>
    public bool PaperResult { get; init; }

    public bool ElectronicResult { get; init; }

    public bool Digitised { get; init; }

    /// <summary>A fee is due and not all of it waived (a stated fee amount of 0 waives it).</summary>
    public bool FeeRequired { get; init; }

    /// <summary>Paid online, on the national portal or the provincial payment gateway.</summary>
    public bool PaidOnline { get; init; }

    /// <summary>The population database was used: data taken from it, or an account authenticated with
    /// VNeID.</summary>
    public bool PopulationDbUsed { get; init; }

    /// <summary>The procedure is eligible for full online service.</summary>
    public bool FullOnlineEligible { get; init; }

    public bool ReusedDigitisedData { get; init; }

    public bool FromPersonalDataStore { get; init; }

    /// <summary>The applicant complained or disliked the handling.</summary>
    public bool Complaint { get; init; }

    public bool FinishedEarlyOrOnTime { get; init; }

    /// <summary>The day the handling ended by the national reading, or the reception day if later (null while
    /// it goes on): a dossier is no longer open in a period that begins after this day.</summary>
    public DateOnly? EndedDay { get; init; }

    /// <summary>Ended in time by the national reading.</summary>
    public bool EndedInTime { get; init; }

    /// <summary>More than one supplement was requested: never in time by the national reading.</summary>
    public bool ManySupplements { get; init; }

    /// <summary>For a dossier with at most one supplement request and a deadline: the later of its reception
    /// day and its deadline's day (null otherwise). Still open at a period's end after this day, it is late.</summary>
    public DateOnly? DeadlineDay { get; init; }

    /// <summary>The later of <see cref="DeadlineDay"/> and <see cref="EndedDay"/> when both are known.</summary>
    public DateOnly? DeadlineEndedDay { get; init; }

    /// <summary>Online, and for a procedure whose result is a paper document, with an electronic result
    /// (national formula 3.3).</summary>
    public bool OnlineCounted => Online && (!PaperResult || ElectronicResult);

    /// <summary>Digitised, and for a procedure whose result is a paper document, with an electronic result
    /// (national formula 4.2).</summary>
    public bool DigitisedCounted => Digitised && (!PaperResult || ElectronicResult);

    /// <summary>
    /// The received-side indicators: for each code, whether this dossier is in its denominator and in its
    /// numerator, counted in the period that holds <see cref="ReceivedDay"/>.
    /// </summary>
    public IReadOnlyDictionary<string, Ratio> ReceivedSide() =>
        new Dictionary<string, Ratio>(StringComparer.Ordinal)
        {
            [IndicatorCodes.OnlineSubmission] = Ratio.Of(true, OnlineCounted),
            [IndicatorCodes.OnlinePayment] = Ratio.Of(FeeRequired, PaidOnline),
            [IndicatorCodes.Digitisation] = Ratio.Of(true, DigitisedCounted),
            [IndicatorCodes.EResult] = Ratio.Of(PaperResult, ElectronicResult),
            [IndicatorCodes.PopulationDb] = Ratio.Of(true, PopulationDbUsed),
            [IndicatorCodes.FullOnline] = Ratio.Of(FullOnlineEligible, Online),
            [IndicatorCodes.DataReuse] = Ratio.Of(true, ReusedDigitisedData),
            [IndicatorCodes.PersonalDataStore] = Ratio.Of(true, FromPersonalDataStore),
            [IndicatorCodes.ChannelOnline] = Ratio.Of(true, Online),
            [IndicatorCodes.ChannelDirect] = Ratio.Of(true, !Online && !Postal),
            [IndicatorCodes.ChannelPostal] = Ratio.Of(true, Postal),
        };

    public static DossierFacts From(DossierState d, Procedure p, WorkCalendar cal)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(cal);
        var end = NationalEnd.Of(d);
        return new DossierFacts
        {
            ReceivedDay = VietnamTime.DateOf(d.ReceivedAt),
            FinishedDay = d.FinishedAt is { } f ? VietnamTime.DateOf(f) : null,
            Counted = d.IsCounted,
            Online = d.Channel == Channel.Online,
            Postal = d.Channel == Channel.Postal,
            PaperResult = p.PaperResult,
            ElectronicResult = d.ElectronicResult,
            Digitised = d.Digitised,
            FeeRequired = d.FeeRequired && d.FeeAmount is not 0,
            PaidOnline = d.PaidOnline,
            PopulationDbUsed = d.PopulationDbUsed || d.VneidAuthenticated,
            FullOnlineEligible = p.IsFullOnlineEligible(),
            ReusedDigitisedData = d.ReusedDigitisedData,
            FromPersonalDataStore = d.FromPersonalDataStore,
            Complaint = d.Complaint,
            FinishedEarlyOrOnTime =
                d.IsCounted && d.FinishedAt is { } at && DossierContributions.IsEarlyOrOnTime(d, at, cal),
        }.WithNationalEnd(d.ReceivedAt, end, end is { } e && NationalEnd.IsInTime(d, e), d.SupplementCount, d.DueAt);
    }

    /// <summary>
    /// These facts with the days the national on-time rule (2.1) counts by. Summed up to a day, they give how
    /// many dossiers were received, ended, ended in time and late while open before it, so a period's figure
    /// needs no pass over the dossiers (README "Definitions", on-time).
    /// </summary>
    public DossierFacts WithNationalEnd(
        DateTimeOffset receivedAt,
        DateTimeOffset? endedAt,
        bool endedInTime,
        int supplementCount,
        DateTimeOffset? dueAt
    )
    {
        var received = VietnamTime.DateOf(receivedAt);
        DateOnly? ended = endedAt is { } e ? Later(received, VietnamTime.DateOf(e)) : null;
        DateOnly? deadline = supplementCount <= 1 && dueAt is { } due ? Later(received, VietnamTime.DateOf(due)) : null;
        return this with
        {
            EndedDay = ended,
            EndedInTime = ended is not null && endedInTime,
            ManySupplements = supplementCount > 1,
            DeadlineDay = deadline,
            DeadlineEndedDay = deadline is { } d && ended is { } x ? Later(d, x) : null,
        };
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}
