using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Scorecard.Api.Labels;
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
            );
        return app;
    }

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
