using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Scorecard.Api.OpenApi;

/// <summary>
/// An example request body and answer (Vietnamese data) a route shows in the contract, given where the route is
/// mapped: <c>.WithExample(response: """{…}""")</c>. <see cref="ContractOperationFilter"/> puts them on the
/// operation's JSON body and 200 answer; a test holds every public read to having one.
/// </summary>
internal static class OperationExamples
{
    public static TBuilder WithExample<TBuilder>(this TBuilder builder, string response, string? request = null)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Example(Parse(request), Parse(response)!));

    public static void Apply(OpenApiOperation operation, IEnumerable<object> metadata)
    {
        if (metadata.OfType<Example>().LastOrDefault() is not { } example)
        {
            return;
        }

        if (
            example.Request is not null
            && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true
            && body is OpenApiMediaType requestMedia
        )
        {
            requestMedia.Example = example.Request.DeepClone();
        }

        if (
            operation.Responses?.TryGetValue("200", out var ok) == true
            && ok.Content?.TryGetValue("application/json", out var media) == true
            && media is OpenApiMediaType answer
        )
        {
            answer.Example = example.Response.DeepClone();
        }
    }

    private static JsonNode? Parse(string? json) =>
        json is null
            ? null
            : JsonNode.Parse(json) ?? throw new ArgumentException("An example is a JSON value.", nameof(json));

    private sealed record Example(JsonNode? Request, JsonNode Response);
}
