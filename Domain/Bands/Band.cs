namespace Scorecard.Domain.Bands;

/// <summary>A colour for values at or above <paramref name="Min"/> (inclusive lower bound, percent).</summary>
public sealed record Band(decimal Min, string Color);
