namespace Scorecard.Domain.Scoring;

/// <summary>An item with its competition rank (null when it has no value).</summary>
public sealed record Ranked<T>(T Item, int? Rank, decimal? Value);
