using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scorecard.Api.OpenApi;

/// <summary>Every /api operation answers 401 without a valid key and 403 outside the key's role or unit
/// subtree.</summary>
internal sealed class AuthResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.RelativePath?.StartsWith("api/", StringComparison.Ordinal) != true)
        {
            return;
        }

        var schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        Add(operation.Responses, "401", "No key, or a key that is unknown or revoked.", schema);
        Add(
            operation.Responses,
            "403",
            "The key's role may not use this route, or the unit is outside its subtree.",
            schema
        );
    }

    private static void Add(OpenApiResponses responses, string status, string description, IOpenApiSchema schema) =>
        responses.TryAdd(
            status,
            new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = schema },
                },
            }
        );
}
