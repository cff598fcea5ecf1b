using Microsoft.AspNetCore.OData;
using Microsoft.OData.UriParser;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.OData;

internal static class ODataSetup
{
    public const string RoutePrefix = "odata";

    /// <summary>The OData surface: route components for the EDM, query options the feeds translate, limits from
    /// configuration.</summary>
    public static IServiceCollection AddScorecardOData(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<FeedLimits>()
            .Bind(configuration.GetSection(FeedLimits.Section))
            .Validate(
                l => l.QueryTimeoutSeconds > 0 && l.MaxConcurrentQueriesPerKey > 0 && l.MaxExpandedRows > 0,
                "OData:QueryTimeoutSeconds, OData:MaxConcurrentQueriesPerKey and OData:MaxExpandedRows must be "
                    + "positive."
            )
            .ValidateOnStart();
        services.AddSingleton<FeedService>();
        services.AddSingleton<FeedConcurrency>();
        services.AddSingleton<FeedReader>();
        services
            .AddControllers()
            .AddOData(o =>
                o.Select()
                    .Filter()
                    .OrderBy()
                    .Expand()
                    .Count()
                    .SkipToken()
                    .SetMaxTop(null)
                    .AddRouteComponents(RoutePrefix, ScorecardEdm.Build(), routeServices =>
                        routeServices.AddSingleton<ODataUriResolver>(_ => new FeedUriResolver
                        {
                            EnableCaseInsensitive = true,
                            EnableNoDollarQueryOptions = o.EnableNoDollarQueryOptions,
                        })
                    )
            );
        return services;
    }
}
