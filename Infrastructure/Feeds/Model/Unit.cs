using System.ComponentModel.DataAnnotations;

namespace Scorecard.Infrastructure.Feeds.Model;

/// <summary>A unit as the analysts' feed shows it (set <c>Units</c>).</summary>
public sealed class Unit
{
    [Key]
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Level { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string? ParentCode { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    /// <summary>The successor that takes the unit's history in today's structure: the one named primary, else the
    /// only one; null for a unit without successors.</summary>
    public string? PrimarySuccessor { get; set; }
}
