using Microsoft.OpenApi;
using Scorecard.Api.OData;
using Scorecard.Infrastructure.Feeds;
using Scorecard.Infrastructure.Feeds.Model;

namespace Scorecard.Api.OpenApi;

/// <summary>A row of each set by its key, and every navigation from it.</summary>
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
        var definition = Definitions.Single(d => d.EntitySet == set);
        var expandable = definition.Navigations.Count + definition.Collections.Count > 0;
        var options = new List<IOpenApiParameter>(parameters) { Query("$select", "Properties to return.") };
        if (expandable)
        {
            options.Add(Query("$expand", ExpandDescription(definition)));
        }

        Add(document, path, Row($"One row of {set} by its key. {summary}", type, tags, error, options, expandable));
        foreach (var navigation in definition.Navigations)
        {
            Add(
                document,
                $"{path}/{navigation.Name}",
                Row(
                    $"The {navigation.Name} of a row of {set}.",
                    navigation.ClrType,
                    tags,
                    error,
                    [.. parameters, Query("$select", "Properties to return.")],
                    expandable: false
                )
            );
        }

        foreach (var collection in definition.Collections)
        {
            var target = collection.Target();
            var page = Page(EntitySchema(target.ClrType, expandable: false));
            var operation = JsonOnly(
                Operation(
                    $"The {collection.Name} of a row of {set}: a feed of {target.EntitySet}, paged like it.",
                    tags,
                    "application/json",
                    page,
                    error,
                    [.. parameters, .. QueryOptions(null)]
                ),
                error
            );
            operation.Responses!["404"] = new OpenApiResponse
            {
                Description = "No row has this key, or it lies outside the units this key may see.",
                Content = Json(error),
            };
            Add(document, $"{path}/{collection.Name}", operation);
        }
    }

    /// <summary>What $expand takes on a set: its navigations, collections with their nested options and
    /// bound.</summary>
    private static string ExpandDescription(FeedDefinition definition) =>
        string.Join(", ", definition.Navigations.Select(n => n.Name).Concat(definition.Collections.Select(c => c.Name)))
        + ", one level; each with an optional nested $select"
        + (
            definition.Collections.Count > 0
                ? "; collections also with $filter, $orderby, $top and $skip, at most 100 rows per row."
                : "."
        );

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
