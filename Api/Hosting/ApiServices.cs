using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Scorecard.Api.Auth;
using Scorecard.Api.Browsers;
using Scorecard.Api.Caching;
using Scorecard.Api.Endpoints;
using Scorecard.Api.Errors;
using Scorecard.Api.IndicatorValues;
using Scorecard.Api.Ingestion;
using Scorecard.Api.OData;
using Scorecard.Api.OpenApi;
using Scorecard.Api.Reports;

namespace Scorecard.Api.Hosting;

/// <summary>
/// What the API project gives the service over <c>AddInfrastructure</c>: problem details, keys and
/// roles, rate limits, validators, the background services, the OData surface and the contract.
/// The settings of sections <c>RateLimit</c>, <c>Cors</c>, <c>Caching</c>, <c>IndicatorValues</c> and <c>Seed</c>
/// are bound and checked at start.
/// </summary>
internal static class ApiServices
{
    public static IServiceCollection AddScorecardApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPublicAddress(configuration);
        services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        services.AddProblemDetails(o =>
            o.CustomizeProblemDetails = c =>
                c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id
                    ?? c.HttpContext.TraceIdentifier
        );
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => ConfigureJson(o.JsonSerializerOptions));

        var publicRead =
            configuration["Auth:PublicRead"] is not { Length: > 0 } text ? false
            : bool.TryParse(text, out var on) ? on
            : throw new InvalidOperationException($"Auth:PublicRead must be true or false; got '{text}'.");
        services.AddMemoryCache();
        services.AddSingleton<ApiKeyCache>();
        services
            .AddAuthentication(ApiKeyOptions.Scheme)
            .AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiKeyOptions.Scheme, o =>
            {
                o.BootstrapAdminKey = configuration["Auth:BootstrapAdminKey"];
                o.PublicRead = publicRead;
            });
        services
            .AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyOptions.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.IngestPolicy, p => p.RequireRole(Roles.Admin, Roles.Integrator));
        services.AddKeyRateLimits();
        services.AddBrowserCors();
        services.AddHttpCaching();
        AddValidators(services);

        services.AddSingleton<DatabaseState>();
        services
            .AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<DemoSeedReadyCheck>("demo-seed", tags: [HealthEndpoints.ReadyTag]);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateOnStart();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<IngestionWriterService>();
        services.AddHostedService<DatabaseSizeSampler>();
        services.AddSingleton<UnitFigures>();
        services.AddSingleton<PublishedFigures>();
        services
            .AddOptions<IndicatorValuesOptions>()
            .BindConfiguration(IndicatorValuesOptions.Section)
            .Validate(
                o => o.RefreshSeconds >= 1,
                "IndicatorValues:RefreshSeconds must be a number of seconds, at least 1."
            )
            .Validate(o => o.StepRows >= 1_000, "IndicatorValues:StepRows must be a number of rows, at least 1000.")
            .ValidateOnStart();
        services.AddSingleton<IndicatorValuesRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<IndicatorValuesRefresher>());

        services.AddScorecardOData(configuration);
        services.AddScorecardOpenApi();
        services.AddScorecardTelemetry(configuration);
        return services;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.MaxDepth = 32;
    }

    private static void AddValidators(IServiceCollection services)
    {
        services.AddSingleton<IValidator<List<UnitRequest>>, UnitBatchValidator>();
        services.AddSingleton<IValidator<List<ProcedureRequest>>, ProcedureBatchValidator>();
        services.AddSingleton<IValidator<List<CalendarDayRequest>>, CalendarBatchValidator>();
        services.AddSingleton<IValidator<List<IndicatorRequest>>, IndicatorBatchValidator>();
        services.AddSingleton<IValidator<BandScaleRequest>, BandScaleRequestValidator>();
        services.AddSingleton<IValidator<CreateKeyRequest>, CreateKeyRequestValidator>();
        services.AddSingleton<EventValidators>();
        services.AddSingleton<EventIngestion>();
        services.AddSingleton<Sync.UnitIdentifiers>();
        services.AddSingleton<Sync.DossierSync>();
        services.AddSingleton<IValidator<List<TargetRequest>>, TargetBatchValidator>();
        services.AddSingleton<IValidator<List<IndicatorValueRequest>>, IndicatorValueBatchValidator>();
    }
}
