namespace Scorecard.Domain.Bands;

public static class BandColors
{
    /// <summary>The colour of a missing value, or of a value no band covers.</summary>
    public const string None = "none";
}
