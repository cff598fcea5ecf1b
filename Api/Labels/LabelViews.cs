using Scorecard.Domain.Bands;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Labels;
using Scorecard.Infrastructure.Indicators;

namespace Scorecard.Api.Labels;

/// <summary>A text in each language; <c>en</c> is null where none was given.</summary>
internal sealed record Texts(string? Vi, string? En);

/// <summary>A word of the vocabulary: its label and description in the answer's language, and both in each.</summary>
internal sealed record LabelView(string Code, string Label, string Description, Texts Labels, Texts Descriptions)
{
    public static LabelView Of(string code, Label label, Language language) =>
        new(
            code,
            label.Name(language),
            label.Description(language),
            new Texts(label.Vi, label.En),
            new Texts(label.DescriptionVi, label.DescriptionEn)
        );
}

/// <summary>The labels of every fixed word the answers use, in <see cref="Language"/> (<c>vi</c> or
/// <c>en</c>).</summary>
internal sealed record VocabularyView(
    string Language,
    IReadOnlyList<LabelView> Bands,
    IReadOnlyList<LabelView> Levels,
    IReadOnlyList<LabelView> Kinds,
    IReadOnlyList<LabelView> Statuses,
    IReadOnlyList<LabelView> Channels
);

/// <summary>An indicator: its name and description in the answer's language (English falls back to the
/// Vietnamese where none was given), both in each, its kind and dated bands.</summary>
internal sealed record IndicatorView(
    string Code,
    string Name,
    string? Description,
    Texts Names,
    Texts Descriptions,
    IndicatorKind Kind,
    IReadOnlyList<BandScale> Bands
)
{
    public static IndicatorView Of(IndicatorDefinition d, Language language)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(
            d.Code,
            d.NameIn(language),
            d.DescriptionIn(language),
            new Texts(d.Name, d.NameEn),
            new Texts(d.Description, d.DescriptionEn),
            d.Kind,
            d.Bands
        );
    }
}
