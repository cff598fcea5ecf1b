using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Labels;
using Scorecard.Api.OpenApi;
using Scorecard.Domain.Labels;
using Scorecard.Domain.Wire;

namespace Scorecard.Api.Endpoints;

internal static class LabelEndpoints
{
    public static IEndpointRouteBuilder MapLabelEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/labels", GetLabels)
            .WithTags("Labels")
            .WithSummary(
                "The labels and one-sentence descriptions of bands, levels, unit kinds, dossier statuses and "
                    + "channels, in Vietnamese or English (Accept-Language) and both."
            )
            .WithExample(response: Example);
        return app;
    }

    private static readonly Label Yellow = Vocabulary.Bands["yellow"];
    private static readonly Label Commune = Vocabulary.Levels["commune"];

    /// <summary>Part of the answer in Vietnamese: one band and one level.</summary>
    private static readonly string Example = $$$"""
        {"language":"vi",
         "bands":[{"code":"yellow","label":"{{{Yellow.Vi}}}","description":"{{{Yellow.DescriptionVi}}}",
           "labels":{"vi":"{{{Yellow.Vi}}}","en":"{{{Yellow.En}}}"},
           "descriptions":{"vi":"{{{Yellow.DescriptionVi}}}","en":"{{{Yellow.DescriptionEn}}}"}}],
         "levels":[{"code":"commune","label":"{{{Commune.Vi}}}","description":"{{{Commune.DescriptionVi}}}",
           "labels":{"vi":"{{{Commune.Vi}}}","en":"{{{Commune.En}}}"},
           "descriptions":{"vi":"{{{Commune.DescriptionVi}}}","en":"{{{Commune.DescriptionEn}}}"}}],
         "kinds":[],"statuses":[],"channels":[]}
        """;

    private static Ok<VocabularyView> GetLabels([FromHeader(Name = RequestLanguage.Header)] string? acceptLanguage)
    {
        var language = RequestLanguage.Of(acceptLanguage);
        return TypedResults.Ok(
            new VocabularyView(
                WireName.Of(language),
                Views(Vocabulary.Bands, language),
                Views(Vocabulary.Levels, language),
                Views(Vocabulary.Kinds, language),
                Views(Vocabulary.Statuses, language),
                Views(Vocabulary.Channels, language)
            )
        );
    }

    private static LabelView[] Views(IReadOnlyDictionary<string, Label> labels, Language language) =>
        [.. labels.Select(l => LabelView.Of(l.Key, l.Value, language))];
}
