namespace Scorecard.Infrastructure.Procedures;

internal sealed class ProcedureRow
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Field { get; init; } = "";
    public string Level { get; init; } = "";
    public string OnlineService { get; init; } = "";
    public bool Integrated { get; init; }
    public bool HasFee { get; init; }
    public bool PersonApplicant { get; init; }
    public decimal? ProcessingTimeValue { get; init; }
    public string? ProcessingTimeUnit { get; init; }
    public DateOnly? OnlineOnlyFrom { get; init; }
    public DateOnly? OnlineOnlyTo { get; init; }
    public bool PaperResult { get; init; }
    public bool? FullOnlineEligible { get; init; }
    public bool OnlinePaymentOnPortal { get; init; }
}
