namespace Scorecard.Infrastructure.Reports;

/// <summary>The units a map, a ranking or a unit's siblings read: those of <paramref name="Level"/> under the unit
/// <paramref name="ParentId"/> (null: in the whole tree, under every root), of <paramref name="Kind"/> only when
/// given (<c>locality</c> or <c>agency</c>).</summary>
public sealed record UnitsOfLevel(int? ParentId, string Level, string? Kind = null);
