namespace Scorecard.Domain.Bands;

/// <summary>A colour band: values at or above <paramref name="Min"/> (and below the next band up).</summary>
public sealed record Band(decimal Min, string Color);
