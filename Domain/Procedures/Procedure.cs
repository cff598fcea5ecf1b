using Scorecard.Domain.Levels;

namespace Scorecard.Domain.Procedures;

/// <summary>
/// An administrative procedure [thủ tục hành chính]. <paramref name="OnlineOnlyFrom"/> to
/// <paramref name="OnlineOnlyTo"/> (Vietnam dates, inclusive, either end open) is a pilot window in
/// which only online dossiers are accepted.
/// </summary>
public sealed record Procedure(
    string Code,
    string Name,
    string Field,
    UnitLevel Level,
    OnlineService OnlineService,
    bool Integrated,
    bool HasFee,
    bool PersonApplicant,
    ProcessingTime? ProcessingTime,
    DateOnly? OnlineOnlyFrom,
    DateOnly? OnlineOnlyTo
)
{
    /// <summary>The result is a paper document [kết quả là giấy tờ] (the default): electronic results count for
    /// it.</summary>
    public bool PaperResult { get; init; } = true;

    /// <summary>Eligible for full online service [đủ điều kiện toàn trình]; null: when the procedure is offered fully
    /// online.</summary>
    public bool? FullOnlineEligible { get; init; }

    /// <summary>Fees of the procedure can be paid online on the national portal.</summary>
    public bool OnlinePaymentOnPortal { get; init; }

    /// <summary><see cref="FullOnlineEligible"/> with its default applied.</summary>
    public bool IsFullOnlineEligible() => FullOnlineEligible ?? OnlineService == OnlineService.Full;

    /// <summary>True when the day lies in the online-only pilot window.</summary>
    public bool IsOnlineOnlyOn(DateOnly day) =>
        (OnlineOnlyFrom is not null || OnlineOnlyTo is not null)
        && (OnlineOnlyFrom is not { } from || day >= from)
        && (OnlineOnlyTo is not { } to || day <= to);
}
