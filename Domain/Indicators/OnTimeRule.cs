namespace Scorecard.Domain.Indicators;

/// <summary>
/// <see cref="Finished"/> (default): of the dossiers finished in the period, the share finished early or on time.
/// <see cref="National"/>: the national portal's rule, which also weighs dossiers still open.
/// </summary>
public enum OnTimeRule
{
    Finished,
    National,
}
