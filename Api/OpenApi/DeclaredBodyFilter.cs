using System.ComponentModel;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scorecard.Api.OpenApi;

/// <summary>
/// A route that reads its body as one JSON document (to check each item on its own) declares the body's shape
/// with <c>Accepts&lt;T&gt;</c>; the contract shows that shape, with the <see cref="DescriptionAttribute"/>s of
/// its types and properties, instead of an empty schema.
/// </summary>
internal sealed class DeclaredBodyFilter : IOperationFilter, ISchemaFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var declared = context
            .ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>()
            .Select(m => m.RequestType)
            .LastOrDefault(t => t is not null);
        if (
            declared is null
            || operation.RequestBody?.Content is not { } content
            || !content.TryGetValue("application/json", out var media)
            || media is not OpenApiMediaType json
            || declared.GetCustomAttribute<DescriptionAttribute>() is null
        )
        {
            return;
        }

        json.Schema = context.SchemaGenerator.GenerateSchema(declared, context.SchemaRepository);
    }

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema writable)
        {
            return;
        }

        var described = context.MemberInfo?.GetCustomAttribute<DescriptionAttribute>()
            ?? (context.MemberInfo is null ? context.Type.GetCustomAttribute<DescriptionAttribute>() : null);
        if (described is not null)
        {
            writable.Description = described.Description;
        }
    }
}
