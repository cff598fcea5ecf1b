using Scorecard.Domain.Bands;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Labels;

namespace Scorecard.Infrastructure.Indicators;

/// <summary>An indicator with its dated band scales: its name and description in Vietnamese, and in English where
/// given (English answers fall back to the Vietnamese).</summary>
public sealed record IndicatorDefinition(
    string Code,
    string Name,
    IndicatorKind Kind,
    string? Description,
    IReadOnlyList<BandScale> Bands,
    string? NameEn = null,
    string? DescriptionEn = null
)
{
    public string NameIn(Language language) => language == Language.En ? NameEn ?? Name : Name;

    public string? DescriptionIn(Language language) =>
        language == Language.En ? DescriptionEn ?? Description : Description;
}
