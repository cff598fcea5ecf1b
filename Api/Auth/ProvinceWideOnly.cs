using Scorecard.Api.Endpoints;

namespace Scorecard.Api.Auth;

/// <summary>
/// Province-wide reference data (units, procedures, calendar, indicators) is changed only by keys not
/// limited to a unit; a limited key gets a 403 naming its unit. Added after the route's validation,
/// so an invalid body is answered as such whoever sends it.
/// </summary>
internal static class ProvinceWideOnly
{
    public static TBuilder RequireProvinceWide<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(
            static (context, next) =>
                Caller.Of(context.HttpContext).ScopeUnit is { } scope
                    ? ValueTask.FromResult<object?>(Problems.ProvinceWideOnly(scope))
                    : next(context)
        );
}
