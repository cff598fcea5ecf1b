using Scorecard.Domain.Bands;
using Scorecard.Domain.Indicators;

namespace Scorecard.Infrastructure.Indicators;

/// <summary>An indicator with its dated band scales.</summary>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    IndicatorKind Kind,
    string? Description,
    IReadOnlyList<BandScale> Bands
);
