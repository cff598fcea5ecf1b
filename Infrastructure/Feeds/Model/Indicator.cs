using System.ComponentModel.DataAnnotations;

namespace Scorecard.Infrastructure.Feeds.Model;

/// <summary>An indicator (set <c>Indicators</c>): built-in or reported.</summary>
public sealed class Indicator
{
    [Key]
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;
}
