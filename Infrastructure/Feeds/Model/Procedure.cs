using System.ComponentModel.DataAnnotations;

namespace Scorecard.Infrastructure.Feeds.Model;

/// <summary>A procedure as the analysts' feed shows it (set <c>Procedures</c>).</summary>
public sealed class Procedure
{
    [Key]
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Field { get; set; } = string.Empty;

    public string Level { get; set; } = string.Empty;

    public string OnlineService { get; set; } = string.Empty;

    public bool Integrated { get; set; }

    public bool HasFee { get; set; }

    public bool PersonApplicant { get; set; }

    /// <summary>The result is a paper document (electronic results count for it).</summary>
    public bool PaperResult { get; set; }

    /// <summary>Eligible for full online service; null: when offered fully online.</summary>
    public bool? FullOnlineEligible { get; set; }

    public bool OnlinePaymentOnPortal { get; set; }

    public int? ProcessingTimeValue { get; set; }

    public string? ProcessingTimeUnit { get; set; }
}
