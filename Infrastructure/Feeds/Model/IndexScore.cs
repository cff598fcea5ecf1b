using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Scorecard.Infrastructure.Feeds.Model;

/// <summary>
/// One unit's national index over its subtree in one month, quarter, half-year or year (set <c>IndexScores</c>): the
/// total (<c>Kind</c> <c>index</c>, <c>Code</c> <c>index</c>), a group (its code) or a sub-indicator (its formula
/// number, with the figure it read: numerator, denominator, value in percent, threshold); keyed by unit, period,
/// code and structure.
/// </summary>
public sealed class IndexScore
{
    [Key]
    [Column(Order = 0)]
    [Required]
    public string UnitCode { get; set; } = string.Empty;

    [Key]
    [Column(Order = 1)]
    public string Period { get; set; } = string.Empty;

    [Key]
    [Column(Order = 2)]
    public string Code { get; set; } = string.Empty;

    /// <summary><c>as-of</c> or <c>current</c>, as in <c>IndicatorValues</c>; a read that does not filter on it
    /// answers <c>as-of</c> rows only.</summary>
    [Key]
    [Column(Order = 3)]
    public string Structure { get; set; } = string.Empty;

    /// <summary><c>index</c>, <c>group</c> or <c>sub-indicator</c>.</summary>
    public string Kind { get; set; } = string.Empty;

    public string? GroupCode { get; set; }

    public string? IndicatorCode { get; set; }

    public string PeriodType { get; set; } = string.Empty;

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public long? Numerator { get; set; }

    public long? Denominator { get; set; }

    public double? Value { get; set; }

    public double? Threshold { get; set; }

    public double Points { get; set; }

    public double MaxPoints { get; set; }

    /// <summary>Of a sub-indicator: <c>full</c>, <c>partial</c> or <c>no-data</c>.</summary>
    public string? Status { get; set; }

    [Required]
    public Unit? Unit { get; set; }
}
