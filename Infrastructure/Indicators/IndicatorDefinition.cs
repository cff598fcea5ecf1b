using Scorecard.Domain.Bands;
using Scorecard.Domain.Indicators;

namespace Scorecard.Infrastructure.Indicators;

/// <summary>An indicator with its score weight (for the composite) and its dated band scales.</summary>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    IndicatorKind Kind,
    string? Description,
    decimal? MaxPoints,
    decimal? FullAt,
    IReadOnlyList<BandScale> Bands
);
