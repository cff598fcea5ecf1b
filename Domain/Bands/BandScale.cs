namespace Scorecard.Domain.Bands;

/// <summary>The bands of one indicator in force from <paramref name="ValidFrom"/>, highest first.</summary>
public sealed record BandScale(DateOnly ValidFrom, IReadOnlyList<Band> Bands);
