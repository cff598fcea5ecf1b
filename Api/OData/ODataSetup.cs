using Microsoft.AspNetCore.OData;

namespace Scorecard.Api.OData;

internal static class ODataSetup
{
    public const string RoutePrefix = "odata";

    /// <summary>The OData surface: route components for the EDM, query options the feeds translate, limits from configuration.</summary>
    public static IServiceCollection AddScorecardOData(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedLimits>(configuration.GetSection(FeedLimits.Section));
        services.AddSingleton<FeedService>();
        services.AddControllers().AddOData(o => o
            .Select().Filter().OrderBy().Expand().Count().SkipToken()
            .SetMaxTop(null)
            .AddRouteComponents(RoutePrefix, ScorecardEdm.Build()));
        return services;
    }
}
