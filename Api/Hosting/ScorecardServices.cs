using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Scorecard.Api.Ingestion;
using Scorecard.Api.Auth;
using Scorecard.Api.Endpoints;
using Scorecard.Api.Errors;
using Scorecard.Api.OData;
using Scorecard.Api.OpenApi;
using Scorecard.Infrastructure.Calendar;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Dossiers;
using Scorecard.Infrastructure.Indicators;
using Scorecard.Infrastructure.IndicatorValues;
using Scorecard.Infrastructure.Ingestion;
using Scorecard.Infrastructure.Keys;
using Scorecard.Infrastructure.Procedures;
using Scorecard.Infrastructure.Reference;
using Scorecard.Infrastructure.Reports;
using Scorecard.Infrastructure.Seed;
using Scorecard.Infrastructure.Units;
using Scorecard.Infrastructure.Sqlite;

namespace Scorecard.Api.Hosting;

internal static class ScorecardServices
{
    /// <summary>Largest request body accepted by any route (the dossier-event limit of SPEC §4).</summary>
    public const long MaxRequestBodyBytes = 10 * 1024 * 1024;

    public static WebApplicationBuilder AddScorecard(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            k.Limits.MaxRequestLineSize = 8 * 1024;
            k.AddServerHeader = false;
        });

        AddDatabase(services, configuration, builder.Environment.ContentRootPath);
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton<ApiKeyCache>();

        services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? c.HttpContext.TraceIdentifier);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => ConfigureJson(o.JsonSerializerOptions));

        services.AddAuthentication(ApiKeyOptions.Scheme)
            .AddScheme<ApiKeyOptions, ApiKeyAuthenticationHandler>(ApiKeyOptions.Scheme, o => o.BootstrapAdminKey = configuration["Auth:BootstrapAdminKey"]);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyOptions.Scheme).RequireAuthenticatedUser().Build())
            .AddPolicy(Roles.AdminPolicy, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Roles.IngestPolicy, p => p.RequireRole(Roles.Admin, Roles.Integrator));

        services.AddKeyRateLimits();
        AddValidators(services);
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section).ValidateOnStart();
        services.AddHostedService<DatabaseInitializer>();
        services.AddHostedService<IngestionWriterService>();
        services.AddScorecardOData(configuration);
        services.AddHostedService(sp => sp.GetRequiredService<IndicatorValues.IndicatorValuesRefresher>());
        services.AddScorecardOpenApi();
        return builder;
    }

    public static void ConfigureJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.MaxDepth = 32;
    }

    private static void AddDatabase(IServiceCollection services, ConfigurationManager configuration, string contentRoot)
    {
        var settings = DatabaseSettings.Create(
            configuration["Database:Provider"], configuration.GetConnectionString("Scorecard"), configuration.GetConnectionString("ReadOnly"), contentRoot);
        DapperTypeHandlers.Register();
        services.AddSingleton(settings);
        services.AddSingleton<DbConnectionFactory>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabaseState>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<ProcedureStore>();
        services.AddSingleton<CalendarStore>();
        services.AddSingleton<IndicatorStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<ReferenceDataChanges>();
        services.AddSingleton<ReferenceDataCache>();
        services.AddSingleton<SqliteCheckpointer>();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.Section)
            .Validate(o => o.MaxEventAgeDays >= 0, "Ingestion:MaxEventAgeDays must be 0 (no limit) or a number of days.")
            .Validate(o => o.CachedEvents >= 0, "Ingestion:CachedEvents must be 0 (none) or a number of events.")
            .ValidateOnStart();
        services.AddSingleton(sp => new RecentDossierEvents(sp.GetRequiredService<IOptions<IngestionOptions>>().Value.CachedEvents));
        services.AddSingleton<IngestionTransaction>();
        services.AddSingleton<DossierEventWriter>();
        services.AddSingleton<DossierRebuilder>();
        services.AddSingleton<DossierReader>();
        services.AddSingleton<FactsQuery>();
        services.AddSingleton<NationalOnTimeQuery>();
        services.AddSingleton<ReportedValueStore>();
        services.AddSingleton<TargetStore>();
        services.AddSingleton<Reports.UnitFigures>();
        services.AddSingleton<IndicatorValueStore>();
        services.AddSingleton<IndicatorValueSources>();
        services.AddOptions<IndicatorValues.IndicatorValuesOptions>().BindConfiguration(IndicatorValues.IndicatorValuesOptions.Section)
            .Validate(o => o.RefreshSeconds >= 1, "IndicatorValues:RefreshSeconds must be a number of seconds, at least 1.")
            .ValidateOnStart();
        services.AddSingleton<IndicatorValues.IndicatorValuesRefresher>();
    }

    private static void AddValidators(IServiceCollection services)
    {
        services.AddSingleton<IValidator<List<UnitRequest>>, UnitBatchValidator>();
        services.AddSingleton<IValidator<List<ProcedureRequest>>, ProcedureBatchValidator>();
        services.AddSingleton<IValidator<List<CalendarDayRequest>>, CalendarBatchValidator>();
        services.AddSingleton<IValidator<List<IndicatorRequest>>, IndicatorBatchValidator>();
        services.AddSingleton<IValidator<BandScaleRequest>, BandScaleRequestValidator>();
        services.AddSingleton<IValidator<CreateKeyRequest>, CreateKeyRequestValidator>();
        services.AddSingleton<Ingestion.EventValidators>();
        services.AddSingleton<IValidator<List<TargetRequest>>, TargetBatchValidator>();
        services.AddSingleton<IValidator<List<IndicatorValueRequest>>, IndicatorValueBatchValidator>();
    }
}
