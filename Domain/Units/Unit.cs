using Scorecard.Domain.Levels;

namespace Scorecard.Domain.Units;

/// <summary>
/// An agency or locality of the province. <see cref="ValidFrom"/>/<see cref="ValidTo"/> bound its
/// life (inclusive Vietnam dates, open when null); <see cref="SuccessorCodes"/> records reorganisations.
/// </summary>
public sealed record Unit(
    string Code,
    string Name,
    UnitLevel Level,
    UnitKind Kind,
    string? ParentCode,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string> SuccessorCodes,
    IReadOnlyDictionary<string, string> ExternalIds
)
{
    public bool IsActiveOn(DateOnly date) =>
        (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);
}
