using Microsoft.OpenApi;
using Scorecard.Api.OData;
using Scorecard.Infrastructure.Feeds;
using Scorecard.Infrastructure.Feeds.Model;

namespace Scorecard.Api.OpenApi;

/// <summary>A row of each set by its key, and a dossier's unit and procedure.</summary>
internal sealed partial class ODataDocumentFilter
{
    private static readonly IReadOnlyList<FeedDefinition> Definitions = Feeds.For(SqlDialect.Sqlite);

    private static void AddKeyRoutes(
        OpenApiDocument document,
        string set,
        Type type,
        string summary,
        HashSet<OpenApiTagReference> tags,
        IOpenApiSchema error
    )
    {
        var keys = Definitions.Single(d => d.EntitySet == set).Key;
        var path =
            $"/{ODataSetup.RoutePrefix}/{set}("
            + (keys.Count == 1 ? $"{{{keys[0]}}}" : string.Join(",", keys.Select(k => $"{k}={{{k}}}")))
            + ")";
        var parameters = keys.Select(k =>
                (IOpenApiParameter)
                    new OpenApiParameter
                    {
                        Name = k,
                        In = ParameterLocation.Path,
                        Required = true,
                        Description = "An OData string literal, quoted: '49'. Named keys may come in any order.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    }
            )
            .ToList();
        var options = new List<IOpenApiParameter>(parameters) { Query("$select", "Properties to return.") };
        if (set == "Dossiers")
        {
            options.Add(Query("$expand", "Unit and/or Procedure, each with an optional nested $select."));
        }

        Add(
            document,
            path,
            Row($"One row of {set} by its key. {summary}", type, tags, error, options, set == "Dossiers")
        );
        if (set != "Dossiers")
        {
            return;
        }

        foreach (var (name, target) in new[] { ("Unit", typeof(Unit)), ("Procedure", typeof(Procedure)) })
        {
            Add(
                document,
                $"{path}/{name}",
                Row(
                    $"The {name.ToLowerInvariant()} of a dossier.",
                    target,
                    tags,
                    error,
                    [.. parameters, Query("$select", "Properties to return.")],
                    expandable: false
                )
            );
        }
    }

    private static OpenApiOperation Row(
        string summary,
        Type type,
        HashSet<OpenApiTagReference> tags,
        IOpenApiSchema error,
        List<IOpenApiParameter> parameters,
        bool expandable
    )
    {
        var entity = EntitySchema(type, expandable);
        entity.Properties!["@odata.context"] = new OpenApiSchema { Type = JsonSchemaType.String };
        var operation = JsonOnly(Operation(summary, tags, "application/json", entity, error, parameters), error);
        operation.Responses!["404"] = new OpenApiResponse
        {
            Description = "No row has this key, or it lies outside the units this key may see.",
            Content = Json(error),
        };
        return operation;
    }
}
