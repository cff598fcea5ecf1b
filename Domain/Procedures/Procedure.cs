using Scorecard.Domain.Levels;

namespace Scorecard.Domain.Procedures;

/// <summary>An administrative procedure [thủ tục hành chính] as published in the national database.</summary>
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
    DateOnly? OnlineOnlyTo);
