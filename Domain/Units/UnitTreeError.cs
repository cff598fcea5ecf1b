namespace Scorecard.Domain.Units;

/// <summary>Why a set of units cannot form a hierarchy, naming the unit at fault.</summary>
public sealed record UnitTreeError(string Code, string Message);
