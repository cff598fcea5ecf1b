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
    DateOnly? OnlineOnlyTo)
{
    /// <summary>True when the day lies in the online-only pilot window.</summary>
    public bool IsOnlineOnlyOn(DateOnly day) =>
        (OnlineOnlyFrom is not null || OnlineOnlyTo is not null)
        && (OnlineOnlyFrom is not { } from || day >= from)
        && (OnlineOnlyTo is not { } to || day <= to);
}
