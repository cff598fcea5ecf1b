using System.ComponentModel.DataAnnotations;
using System.ComponentModel.DataAnnotations.Schema;

namespace Scorecard.Infrastructure.Feeds.Model;

/// <summary>
/// One unit's indicator over its subtree in one month, quarter, half-year or year (set
/// <c>IndicatorValues</c>), as the scorecard reports it; keyed by unit, indicator, period and structure.
/// </summary>
public sealed class IndicatorValue
{
    [Key]
    [Column(Order = 0)]
    [Required]
    public string UnitCode { get; set; } = string.Empty;

    [Key]
    [Column(Order = 1)]
    [Required]
    public string IndicatorCode { get; set; } = string.Empty;

    [Key]
    [Column(Order = 2)]
    public string Period { get; set; } = string.Empty;

    /// <summary><c>as-of</c> (the units valid during the period) or <c>current</c> (today's units holding their
    /// predecessors' history); a read that does not filter on it answers <c>as-of</c> rows only.</summary>
    [Key]
    [Column(Order = 3)]
    public string Structure { get; set; } = string.Empty;

    public string PeriodType { get; set; } = string.Empty;

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    public long Numerator { get; set; }

    public long Denominator { get; set; }

    public double? Value { get; set; }

    public string Band { get; set; } = string.Empty;

    public double? Target { get; set; }

    [Required]
    public Unit? Unit { get; set; }

    [Required]
    public Indicator? Indicator { get; set; }
}
