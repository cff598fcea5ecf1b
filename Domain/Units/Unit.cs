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
    /// <summary>
    /// The successor that takes this unit's history when figures are read in today's structure: given when the
    /// unit has several successors (dossiers carry no address to split them), else its only successor.
    /// </summary>
    public string? PrimarySuccessor
    {
        get => primarySuccessor ?? (SuccessorCodes.Count == 1 ? SuccessorCodes[0] : null);
        init => primarySuccessor = value;
    }

    private readonly string? primarySuccessor;

    /// <summary>The primary successor as given (null when left to the default).</summary>
    public string? GivenPrimarySuccessor() => primarySuccessor;

    /// <summary>True when the unit is valid on at least one day from <paramref name="first"/> to <paramref
    /// name="last"/>.</summary>
    public bool IsActiveDuring(DateOnly first, DateOnly last) =>
        (ValidFrom is null || ValidFrom <= last) && (ValidTo is null || ValidTo >= first);

    public bool IsActiveOn(DateOnly date) =>
        (ValidFrom is null || date >= ValidFrom) && (ValidTo is null || date <= ValidTo);
}
