using Microsoft.OpenApi;
using Scorecard.Api.OData;
using Scorecard.Infrastructure.Feeds.Model;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scorecard.Api.OpenApi;

/// <summary>
/// Describes the OData routes, which the API explorer does not see: the service document,
/// <c>$metadata</c>, and for each entity set its pages and its <c>/$count</c>. The authoritative
/// description of the feeds is <c>/odata/$metadata</c>; this one is for readers of the contract.
/// </summary>
internal sealed partial class ODataDocumentFilter : IDocumentFilter
{
    private static readonly (string Set, Type Type, string Summary)[] Sets =
    [
        ("Units", typeof(Unit), "Units of the province (a scoped key sees its subtree)."),
        ("Procedures", typeof(Procedure), "The procedure catalogue."),
        (
            "Dossiers",
            typeof(Dossier),
            "Dossiers as folded from their events; timeliness of open ones as of the request."
        ),
        ("Indicators", typeof(Indicator), "Built-in and reported indicators."),
        ("TargetAssignments", typeof(TargetAssignment), "Targets per unit, indicator and period."),
        (
            "IndicatorValues",
            typeof(IndicatorValue),
            "Every unit × indicator × month, quarter, half-year and year, over its subtree, in each reading of the "
                + "units (Structure: as-of, what a read not filtering on it answers, or current)."
        ),
        (
            "IndexScores",
            typeof(IndexScore),
            "Every unit × month, quarter, half-year and year: the national index's total, groups and sub-indicators, "
                + "in each reading of the units (Structure: as-of, what a read not filtering on it answers, or "
                + "current)."
        ),
        ("AuditEntries", typeof(AuditEntry), "Who changed what (admin keys; a scoped admin sees its subtree's units)."),
    ];

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var error = ErrorSchema();
        var tags = new HashSet<OpenApiTagReference> { new("OData", swaggerDoc) };
        swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
        swaggerDoc.Tags.Add(
            new OpenApiTag
            {
                Name = "OData",
                Description = "Feeds for Excel and Power BI (OData v4); queries run in SQL.",
            }
        );
        Add(
            swaggerDoc,
            $"/{ODataSetup.RoutePrefix}",
            JsonOnly(
                Operation(
                    "The service document: the entity sets.",
                    tags,
                    "application/json",
                    new OpenApiSchema { Type = JsonSchemaType.Object },
                    error,
                    []
                ),
                error
            )
        );
        Add(
            swaggerDoc,
            $"/{ODataSetup.RoutePrefix}/$metadata",
            Operation(
                "The EDM as CSDL XML.",
                tags,
                "application/xml",
                new OpenApiSchema { Type = JsonSchemaType.String },
                error,
                []
            )
        );
        foreach (var (set, type, summary) in Sets)
        {
            var page = Page(EntitySchema(type, expandable: true));
            var definition = Definitions.Single(d => d.EntitySet == set);
            Add(
                swaggerDoc,
                $"/{ODataSetup.RoutePrefix}/{set}",
                JsonOnly(
                    Operation(
                        summary,
                        tags,
                        "application/json",
                        page,
                        error,
                        QueryOptions(
                            definition.Navigations.Count + definition.Collections.Count > 0
                                ? ExpandDescription(definition)
                                : null
                        )
                    ),
                    error
                )
            );
            Add(
                swaggerDoc,
                $"/{ODataSetup.RoutePrefix}/{set}/$count",
                JsonOnly(
                    Operation(
                        $"How many {set} match $filter.",
                        tags,
                        "text/plain",
                        new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                        error,
                        [Query("$filter", "A filter expression.")]
                    ),
                    error
                )
            );
            AddKeyRoutes(swaggerDoc, set, type, summary, tags, error);
        }
    }

    private static OpenApiSchema Page(IOpenApiSchema entity) =>
        new()
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["@odata.context"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["@odata.count"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
                ["@odata.nextLink"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["value"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = entity },
            },
        };

    /// <summary>An entity as the feeds write it: PascalCase properties, codes and enumerations as strings, instants in
    /// UTC.</summary>
    private static OpenApiSchema EntitySchema(Type type, bool expandable)
    {
        var properties = new Dictionary<string, IOpenApiSchema>();
        foreach (var property in type.GetProperties())
        {
            var clr = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var many = clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(List<>);
            if (!expandable && (many || clr.Namespace == typeof(Unit).Namespace))
            {
                continue; // a navigation of an expanded row: expansions go one level deep
            }

            if (many)
            {
                var items = Expansion(clr.GetGenericArguments()[0], property.Name);
                properties[property.Name] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = items,
                    Description = items.Description,
                };
                continue;
            }

            var nullable =
                Nullable.GetUnderlyingType(property.PropertyType) is not null
                || new System.Reflection.NullabilityInfoContext().Create(property).ReadState
                    == System.Reflection.NullabilityState.Nullable;
            OpenApiSchema schema = clr switch
            {
                _ when clr == typeof(string) => new() { Type = JsonSchemaType.String },
                _ when clr == typeof(bool) => new() { Type = JsonSchemaType.Boolean },
                _ when clr == typeof(int) => new() { Type = JsonSchemaType.Integer, Format = "int32" },
                _ when clr == typeof(long) => new() { Type = JsonSchemaType.Integer, Format = "int64" },
                _ when clr == typeof(double) => new() { Type = JsonSchemaType.Number, Format = "double" },
                _ when clr == typeof(DateTimeOffset) => new() { Type = JsonSchemaType.String, Format = "date-time" },
                _ when clr == typeof(DateOnly) => new() { Type = JsonSchemaType.String, Format = "date" },
                _ when expandable => Expansion(clr, property.Name),
                _ => throw new InvalidOperationException($"No schema for {type.Name}.{property.Name}."),
            };
            if (nullable)
            {
                schema.Type |= JsonSchemaType.Null;
            }

            properties[property.Name] = schema;
        }

        return new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties };
    }

    private static OpenApiSchema Expansion(Type type, string name)
    {
        var schema = EntitySchema(type, expandable: false);
        schema.Description = "Present with $expand=" + name + ".";
        return schema;
    }

    private static void Add(OpenApiDocument document, string path, OpenApiOperation operation) =>
        document.Paths[path] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Get] = operation },
        };

    private static OpenApiOperation Operation(
        string summary,
        HashSet<OpenApiTagReference> tags,
        string mediaType,
        IOpenApiSchema schema,
        IOpenApiSchema error,
        List<IOpenApiParameter> parameters
    ) =>
        new()
        {
            Summary = summary,
            Tags = tags,
            Parameters = parameters,
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse
                {
                    Description = "OK",
                    Content = new Dictionary<string, IOpenApiMediaType>
                    {
                        [mediaType] = new OpenApiMediaType { Schema = schema },
                    },
                },
                ["400"] = new OpenApiResponse
                {
                    Description = "A query the feeds do not support, or one beyond a limit (the message says which).",
                    Content = Json(error),
                },
                ["401"] = new OpenApiResponse { Description = "No key, or a key that is unknown or revoked." },
            },
        };

    /// <summary>Every route but $metadata is written in JSON only.</summary>
    private static OpenApiOperation JsonOnly(OpenApiOperation operation, IOpenApiSchema error)
    {
        operation.Responses!["406"] = new OpenApiResponse
        {
            Description = "Only a format other than JSON is accepted ($format=xml, Accept: text/html).",
            Content = Json(error),
        };
        return operation;
    }

    private static List<IOpenApiParameter> QueryOptions(string? expand)
    {
        var options = new List<IOpenApiParameter>
        {
            Query(
                "$filter",
                "Comparison, logical and arithmetic operators, in, null checks, "
                    + "contains/startswith/endswith, tolower/toupper/trim/length/concat/indexof/substring, "
                    + "year/month/day/hour/minute/second/date/time/totaloffsetminutes/now, round/floor/ceiling, "
                    + "cast; decimal literals (99.5M)."
            ),
            Query("$orderby", "Up to 5 properties (also of a single-valued navigation: Unit/Name), asc or desc."),
            Query("$select", "Properties to return."),
            Query("$top", "Rows to return at most (paged).", JsonSchemaType.Integer),
            Query("$skip", "Rows to skip.", JsonSchemaType.Integer),
            Query("$count", "true adds @odata.count.", JsonSchemaType.Boolean),
            Query("$skiptoken", "Continuation issued in @odata.nextLink."),
            Query(
                "$apply",
                "filter(…) steps, then groupby((…),aggregate(…)) or aggregate(…) with $count, sum, min, "
                    + "max, average, countdistinct, then filter(…) steps over its output; groupby also by "
                    + "Unit/Level and other single-valued navigation paths. $filter, $orderby, $top, $skip and "
                    + "$count then read its output; $select, $expand and $skiptoken are not combined with it."
            ),
            new OpenApiParameter
            {
                Name = "Prefer",
                In = ParameterLocation.Header,
                Description = "odata.maxpagesize=N (at most 10,000; default 1,000).",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        if (expand is not null)
        {
            options.Add(Query("$expand", expand));
        }

        return options;
    }

    private static OpenApiParameter Query(
        string name,
        string description,
        JsonSchemaType type = JsonSchemaType.String
    ) =>
        new()
        {
            Name = name,
            In = ParameterLocation.Query,
            Description = description,
            Schema = new OpenApiSchema { Type = type },
        };

    private static Dictionary<string, IOpenApiMediaType> Json(IOpenApiSchema schema) =>
        new() { ["application/json"] = new OpenApiMediaType { Schema = schema } };

    private static OpenApiSchema ErrorSchema() =>
        new()
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["error"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                        ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                },
            },
        };
}
