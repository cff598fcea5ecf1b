using System.ComponentModel.DataAnnotations;

namespace Scorecard.Infrastructure.Feeds.Model;

/// <summary>
/// A target (set <c>TargetAssignments</c>). Its key reads as what it is:
/// <c>unit/indicator/period</c>, plus <c>/level</c> for a general target.
/// </summary>
public sealed class TargetAssignment
{
    [Key]
    public string Id { get; set; } = string.Empty;

    [Required]
    public string UnitCode { get; set; } = string.Empty;

    [Required]
    public string IndicatorCode { get; set; } = string.Empty;

    public string Period { get; set; } = string.Empty;

    public double Target { get; set; }

    public double? Baseline { get; set; }

    public string AssignedBy { get; set; } = string.Empty;

    public string? AppliesToLevel { get; set; }

    public string? Reference { get; set; }

    [Required]
    public Unit? Unit { get; set; }

    [Required]
    public Indicator? Indicator { get; set; }
}
