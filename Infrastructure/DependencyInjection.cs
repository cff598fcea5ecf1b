using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Scorecard.Infrastructure.Audit;
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
using Scorecard.Infrastructure.Sqlite;
using Scorecard.Infrastructure.Telemetry;
using Scorecard.Infrastructure.Units;

namespace Scorecard.Infrastructure;

/// <summary>What this project gives the service: the database, its stores and queries, the dossier-event writer and the
/// demo seeder.</summary>
public static class DependencyInjection
{
    /// <summary>
    /// Registers everything over the database that <c>Database:Provider</c> and <c>ConnectionStrings:*</c>
    /// name (an unknown provider stops here, naming the known ones); a relative SQLite path is under
    /// <paramref name="contentRoot"/>. Section <c>Ingestion</c> is bound and checked at start.
    /// </summary>
    public static IServiceCollection AddInfrastructure(
        this IServiceCollection services,
        IConfiguration configuration,
        string contentRoot
    )
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(
            DatabaseSettings.Create(
                configuration["Database:Provider"],
                configuration.GetConnectionString("Scorecard"),
                configuration.GetConnectionString("ReadOnly"),
                contentRoot
            )
        );
        DapperTypeHandlers.Register();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DbConnectionFactory>();
        services.AddSingleton<ScorecardMetrics>();
        services.AddSingleton<DatabaseSize>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<SqliteCheckpointer>();

        services.AddSingleton<ReferenceDataChanges>();
        services.AddSingleton<UnitStore>();
        services.AddSingleton<ProcedureStore>();
        services.AddSingleton<CalendarStore>();
        services.AddSingleton<OfficeHoursStore>();
        services.AddSingleton<IndicatorStore>();
        services.AddSingleton<ReferenceDataCache>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<AuditReader>();

        services
            .AddOptions<IngestionOptions>()
            .BindConfiguration(IngestionOptions.Section)
            .Validate(
                o => o.MaxEventAgeDays >= 0,
                "Ingestion:MaxEventAgeDays must be 0 (no limit) or a number of days."
            )
            .Validate(o => o.CachedEvents >= 0, "Ingestion:CachedEvents must be 0 (none) or a number of events.")
            .ValidateOnStart();
        services.AddSingleton(sp => new RecentDossiers(
            sp.GetRequiredService<IOptions<IngestionOptions>>().Value.CachedEvents
        ));
        services.AddSingleton<IngestionPulse>();
        services.AddSingleton<IngestionTransaction>();
        services.AddSingleton<DossierEventWriter>();
        services.AddSingleton<DossierRebuilder>();
        services.AddSingleton<DossierReader>();
        services.AddSingleton<Sync.SyncedDossiers>();
        services.AddSingleton<Sync.StatusMappingStore>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<DemoSeedProgress>();

        services.AddSingleton<FactsQuery>();
        services.AddSingleton<Facts.RootDailyFacts>();
        services.AddSingleton<NationalOnTimeQuery>();
        services.AddSingleton<ProcedureReachQuery>();
        services.AddSingleton<Index.IndexDefinitionStore>();
        services.AddSingleton<Publications.PublicationStore>();
        services.AddSingleton<ReportedValueStore>();
        services.AddSingleton<TargetStore>();
        services.AddSingleton<IndicatorValueStore>();
        services.AddSingleton<IndicatorValueSources>();
        return services;
    }
}
