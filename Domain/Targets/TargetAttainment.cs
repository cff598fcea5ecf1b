namespace Scorecard.Domain.Targets;

/// <summary>How far a value is from its target: <paramref name="Gap"/> = value − target, in points.</summary>
public sealed record TargetAttainment(decimal? Gap, TargetStatus Status);
