namespace Scorecard.Domain.Labels;

/// <summary>A name in Vietnamese and English with a one-sentence description in each.</summary>
public sealed record Label(string Vi, string En, string DescriptionVi, string DescriptionEn)
{
    public string Name(Language language) => language == Language.En ? En : Vi;

    public string Description(Language language) => language == Language.En ? DescriptionEn : DescriptionVi;
}
