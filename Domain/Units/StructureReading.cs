namespace Scorecard.Domain.Units;

/// <summary>
/// How figures are read across reorganisations (README "Units across reorganisations"): <c>as-of</c> (the
/// default), the units of the period with the dossiers they received; or in the structure of one date
/// (<c>current</c>: today), history carried to the units valid then.
/// </summary>
public sealed record StructureReading(DateOnly? On)
{
    public static StructureReading AsOf { get; } = new((DateOnly?)null);

    /// <summary>The wire form: <c>as-of</c>, or <c>current</c> with the date it reads.</summary>
    public string Name => On is null ? "as-of" : "current";
}
