using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OData.Extensions;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Results;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Scorecard.Infrastructure.Feeds;

namespace Scorecard.Api.OData;

/// <summary>
/// The answer to a single row addressed by its key (<c>Units('49')</c>) or reached from one
/// (<c>Dossiers(…)/Unit</c>): the entity, or a 404 OData error when no row has that key within what
/// the API key may see (a row of another subtree is answered exactly as a missing one).
/// </summary>
internal static class FeedKeyLookup
{
    /// <summary>The first query option a single row does not take, or null.</summary>
    public static string? RefusedOption(ODataQueryOptions query)
    {
        var request = query.Request;
        if (request.ODataFeature().Path?.LastSegment is CountSegment)
        {
            return "/$count";
        }

        return request
            .Query.Keys.Where(k => k.StartsWith('$'))
            .FirstOrDefault(k => k is not ("$select" or "$expand" or "$format"));
    }

    public static IActionResult NotFound(FeedQuery plan) =>
        new NotFoundODataResult(
            new ODataError
            {
                Code = "NotFound",
                Message = $"No {plan.Feed.EntitySet} row has this key, or it lies outside the units this key may see.",
            }
        );

    public static IActionResult Answer<T>(
        ControllerBase controller,
        FeedQuery plan,
        SelectExpandClause? clause,
        List<T> rows,
        bool writeDirectly
    )
        where T : class
    {
        if (rows.Count == 0)
        {
            return NotFound(plan);
        }

        if (writeDirectly && FeedPreferences.WantsMinimalJson(controller.Request))
        {
            return new FeedPageResult(plan, clause, [rows[0]], null, null, single: true);
        }

        controller.Request.ODataFeature().SelectExpandClause = clause;
        return controller.Ok(rows[0]);
    }
}
