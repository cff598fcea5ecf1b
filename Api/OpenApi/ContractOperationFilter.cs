using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Scorecard.Api.Auth;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Scorecard.Api.OpenApi;

/// <summary>
/// What every route's contract says, read from the endpoint rather than listed by hand, so a new route is
/// described as the others are: an operationId (its handler's name), a description (its summary, who may
/// call it), its parameters (<see cref="ParameterDescriptions"/>), the problems it answers (400 always, as
/// unknown query parameters are refused; 401/403 where a key is needed; 404 where the path names a thing;
/// 429 past the key's allowance), its security (the key header or HTTP Basic, either one) and the examples given
/// where it is mapped (<see cref="OperationExamples"/>).
/// </summary>
internal sealed class ContractOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var api = context.ApiDescription;
        var route = api.RelativePath?.TrimEnd('/') ?? "";
        var metadata = api.ActionDescriptor.EndpointMetadata;
        var needsKey = !metadata.OfType<IAllowAnonymous>().Any();

        operation.OperationId ??= OperationId(context, api.HttpMethod, route);
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            ParameterDescriptions.Describe(parameter, route);
        }

        operation.Description ??= Description(operation.Summary, api.HttpMethod, route, metadata, needsKey);
        var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
        operation.Responses ??= [];
        Add(operation.Responses, "400", "A parameter or body that is missing, malformed or unknown.", problem);
        if (needsKey)
        {
            Add(operation.Responses, "401", "No key, or a key that is unknown or revoked.", problem);
            Add(
                operation.Responses,
                "403",
                "The key's role may not use this route, or the unit is outside its subtree.",
                problem
            );
            operation.Security = Security(context.Document);
        }
        else
        {
            operation.Security = [];
        }

        if (route.Contains('{', StringComparison.Ordinal))
        {
            Add(operation.Responses, "404", "Nothing has the code or id the path names.", problem);
        }

        Add(operation.Responses, "429", TooManyRequests, problem);
        OperationExamples.Apply(operation, metadata);
    }

    public const string TooManyRequests =
        "The key (or the address, without a key) has used its request allowance; see Retry-After.";

    /// <summary>The key header or HTTP Basic: two requirements, either of which is enough.</summary>
    public static List<OpenApiSecurityRequirement> Security(OpenApiDocument document) =>
        [
            new() { [new OpenApiSecuritySchemeReference(OpenApiSetup.ApiKeyScheme, document)] = [] },
            new() { [new OpenApiSecuritySchemeReference(OpenApiSetup.BasicScheme, document)] = [] },
        ];

    private static string OperationId(OperationFilterContext context, string? method, string route)
    {
        var name = context.MethodInfo?.Name;
        return name is { Length: > 0 } && !name.Contains('<', StringComparison.Ordinal)
            ? char.ToLowerInvariant(name[0]) + name[1..]
            : ContractDocumentFilter.OperationId(method ?? "get", "/" + route);
    }

    private static string Description(
        string? summary,
        string? method,
        string route,
        IList<object> metadata,
        bool needsKey
    )
    {
        var roles = metadata
            .OfType<IAuthorizeData>()
            .Select(a => a.Policy)
            .OfType<string>()
            .Select(p => p == Roles.IngestPolicy ? $"{Roles.Integrator} or {Roles.Admin}" : p)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var who =
            !needsKey ? "No key is needed."
            : roles.Count == 0
                ? "Any key (admin, analyst or integrator); a key limited to a unit sees its subtree only."
            : $"Only {string.Join(", ", roles)} keys.";
        var access = needsKey ? " Send the key in the X-Api-Key header, or as the password of HTTP Basic." : "";
        var open =
            needsKey && HttpMethods.IsGet(method ?? "") && PublicRead.Routes.Contains("/" + route)
                ? " Where Auth:PublicRead is on, a visitor without a key may read it too."
                : "";
        return $"{summary?.TrimEnd('.')}.\n\n{who}{access}{open}";
    }

    public static void Add(OpenApiResponses responses, string status, string description, IOpenApiSchema schema) =>
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
