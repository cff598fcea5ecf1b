using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.OpenApi;

namespace Scorecard.Api.OpenApi;

/// <summary>
/// The contract: served at /openapi/v1.json and /openapi/v1.yaml (no key needed), browsable at
/// /swagger. The committed openapi.yaml must equal what is served (a test checks it).
/// </summary>
internal static class OpenApiSetup
{
    public const string DocumentName = "v1";
    public const string YamlPath = "/openapi/v1.yaml";
    public const string ApiKeyScheme = "ApiKey";
    public const string BasicScheme = "Basic";

    public static IServiceCollection AddScorecardOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(
                DocumentName,
                new OpenApiInfo
                {
                    Title = "Scorecard API",
                    Version = "v1",
                    Description =
                        "Daily scorecards of how a province's agencies, districts and communes handle "
                        + "administrative procedures online.",
                }
            );
            o.AddSecurityDefinition(
                ApiKeyScheme,
                new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-Api-Key",
                    Description = "An API key (admin, analyst or integrator).",
                }
            );
            o.AddSecurityDefinition(
                BasicScheme,
                new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "basic",
                    Description = "HTTP Basic with any user name and the API key as password (Excel, Power BI).",
                }
            );
            // The framework's own OData controllers (the service document, $metadata) would drag the EDM's
            // interfaces into the schemas; ODataDocumentFilter describes those routes instead.
            o.DocInclusionPredicate(
                (_, api) =>
                    api.ActionDescriptor is not ControllerActionDescriptor c
                    || c.ControllerTypeInfo.Assembly == typeof(OpenApiSetup).Assembly
            );
            o.CustomSchemaIds(t => t.IsGenericType ? null : t.Name);
            o.SupportNonNullableReferenceTypes();
            o.OperationFilter<ContractOperationFilter>();
            o.OperationFilter<DeclaredBodyFilter>();
            o.SchemaFilter<DeclaredBodyFilter>();
            o.DocumentFilter<ODataDocumentFilter>();
            o.DocumentFilter<ContractDocumentFilter>();
        });
        return services;
    }

    public static WebApplication UseScorecardOpenApi(this WebApplication app)
    {
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.{extension:regex(^(json|yaml)$)}");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint($"/openapi/{DocumentName}.json", "Scorecard API v1");
            o.RoutePrefix = "swagger";
        });
        return app;
    }
}
