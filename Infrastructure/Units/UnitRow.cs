namespace Scorecard.Infrastructure.Units;

internal sealed class UnitRow
{
    public int Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Level { get; init; } = "";
    public string Kind { get; init; } = "";
    public string? ParentCode { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}
