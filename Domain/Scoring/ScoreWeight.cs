namespace Scorecard.Domain.Scoring;

/// <summary>An indicator earns <c>min(MaxPoints, MaxPoints × value / FullAt)</c> points.</summary>
public sealed record ScoreWeight(string Indicator, decimal MaxPoints, decimal FullAt);
