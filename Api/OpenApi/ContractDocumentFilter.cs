using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Scorecard.Api.Endpoints;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scorecard.Api.OpenApi;

/// <summary>
/// The parts of the contract no single route carries: where the API is served (relative to the document,
/// so it holds on any host), the health routes, which are not route handlers the API explorer sees, and for
/// routes described by hand (the feeds) what <see cref="ContractOperationFilter"/> gives the others: an
/// operationId from the method and path, a description, the key requirements and the 429 answer.
/// </summary>
internal sealed partial class ContractDocumentFilter : IDocumentFilter
{
    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        swaggerDoc.Servers = [new OpenApiServer { Url = "/", Description = "The host that serves this document." }];
        swaggerDoc.Tags ??= new HashSet<OpenApiTag>();
        foreach (var tag in swaggerDoc.Tags.Where(t => t.Description is null && t.Name is not null))
        {
            tag.Description = TagDescriptions.GetValueOrDefault(tag.Name!);
        }

        if (!swaggerDoc.Tags.Any(t => t.Name == HealthTag))
        {
            swaggerDoc.Tags.Add(new OpenApiTag { Name = HealthTag, Description = TagDescriptions[HealthTag] });
        }

        Health(swaggerDoc, HealthEndpoints.LivePath, "healthLive", "The process answers.", ready: false);
        Health(
            swaggerDoc,
            HealthEndpoints.ReadyPath,
            "healthReady",
            "The database is reachable and migrated; Degraded, with its progress, while the demo is being seeded.",
            ready: true
        );
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        foreach (var (path, item) in swaggerDoc.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (operation.Security is not null)
                {
                    continue;
                }

                operation.OperationId ??= OperationId(method.Method, path);
                operation.Description ??=
                    $"{operation.Summary?.TrimEnd('.')}.\n\nNeeds a key: send it in the X-Api-Key header, or as "
                    + "the password of HTTP Basic. A key limited to a unit sees its subtree only.";
                operation.Security = ContractOperationFilter.Security(swaggerDoc);
                operation.Responses ??= [];
                ContractOperationFilter.Add(
                    operation.Responses,
                    "429",
                    ContractOperationFilter.TooManyRequests,
                    problem
                );
            }
        }
    }

    /// <summary>An operationId from the method and the path: <c>GET /odata/Units({Code})</c> is
    /// <c>getOdataUnitsByCode</c>.</summary>
    public static string OperationId(string method, string path) =>
        method.ToLowerInvariant()
        + string.Concat(
            Words()
                .Matches(path)
                .Select(m => m.Groups[1].Success ? "By" + Pascal(m.Groups[1].Value) : Pascal(m.Groups[2].Value))
        );

    private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    [GeneratedRegex(@"\{(\w+)\}|\b([A-Za-z0-9]+)\b(?!=)")]
    private static partial Regex Words();

    private const string HealthTag = "Health";

    /// <summary>What each group of routes is for.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Portal"] = "Scorecards, the colour map, rankings and series: what a provincial portal shows.",
        ["Index"] = "The national index [Bộ chỉ số phục vụ người dân, doanh nghiệp]: its definition and scores.",
        ["Indicators"] = "Indicators [chỉ số] and their dated colour bands.",
        ["Labels"] = "Vietnamese and English labels of bands, levels, unit kinds, dossier statuses and channels.",
        ["Units"] = "Administrative units [đơn vị]: the province, its agencies, districts and communes.",
        ["Procedures"] = "The catalogue of administrative procedures [thủ tục hành chính].",
        ["Targets"] = "Targets [chỉ tiêu giao] per unit, indicator and period, and reported indicator values.",
        ["Publications"] = "Published figures [chốt số liệu] of closed periods.",
        ["Dossier events"] = "Dossiers [hồ sơ] as integrators push their events, and how they read back.",
        ["National sync"] = "Dossiers as the national public service portal synchronises them.",
        ["Calendar"] = "Holidays, make-up working days and office hours that deadlines are counted in.",
        ["Keys"] = "API keys: who may call, in which role and subtree.",
        ["Audit"] = "Who changed what.",
        [HealthTag] = "Liveness and readiness, for load balancers; no key.",
    };

    private static void Health(OpenApiDocument document, string path, string id, string summary, bool ready)
    {
        var report = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["status"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "Healthy, Degraded or Unhealthy.",
                },
                ["checks"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["name"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["status"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            ["description"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                            ["progress"] = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Description = "While the demo is being seeded: how far it has come.",
                            },
                        },
                    },
                },
            },
        };
        var responses = new OpenApiResponses
        {
            ["200"] = new OpenApiResponse
            {
                Description = ready ? "Ready (Healthy), or Degraded while seeding." : "Alive.",
                Content = Json(report),
            },
        };
        if (ready)
        {
            responses["503"] = new OpenApiResponse
            {
                Description = "The database is unreachable or not migrated.",
                Content = Json(report),
            };
        }

        document.Paths[path] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new OpenApiOperation
                {
                    OperationId = id,
                    Summary = summary,
                    Description = summary + "\n\nNo key is needed, and no request allowance applies.",
                    Tags = new HashSet<OpenApiTagReference> { new(HealthTag, document) },
                    Responses = responses,
                    Security = [],
                },
            },
        };
    }

    private static Dictionary<string, IOpenApiMediaType> Json(IOpenApiSchema schema) =>
        new() { ["application/json"] = new OpenApiMediaType { Schema = schema } };
}
