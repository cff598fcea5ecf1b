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

    /// <summary>The unit it belongs to; null for the root.</summary>
    public Unit? Parent { get; set; }

    /// <summary>The units directly under it (past and present).</summary>
    public List<Unit>? Children { get; set; }

    /// <summary>The units that took over its duties when it ended (<see cref="PrimarySuccessor"/> is one of
    /// them).</summary>
    public List<Unit>? Successors { get; set; }

    /// <summary>The dossiers received at the unit itself (not its subtree).</summary>
    public List<Dossier>? Dossiers { get; set; }
}
