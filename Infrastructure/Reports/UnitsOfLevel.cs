namespace Scorecard.Infrastructure.Reports;

/// <summary>The units a map, a ranking or a unit's siblings read: those of <paramref name="Level"/> under the unit
/// <paramref name="ParentId"/> (null: in the whole tree, under every root), of <paramref name="Kind"/> only when
/// given (<c>locality</c> or <c>agency</c>). Its properties are the parameters of the statements that read
/// them.</summary>
public sealed record UnitsOfLevel(int? ParentId, string Level, string? Kind = null)
{
    /// <summary>The level and kind asked of unit <c>a</c>.</summary>
    public const string LevelFilter = "a.level = @Level AND (@Kind IS NULL OR a.kind = @Kind)";

    /// <summary>Unit <c>a</c> lived during a day of <c>@FirstDay</c> … <c>@LastDay</c>, the period read.</summary>
    public const string LivedFilter =
        "(a.valid_from IS NULL OR a.valid_from <= @LastDay) AND (a.valid_to IS NULL OR a.valid_to >= @FirstDay)";
}
