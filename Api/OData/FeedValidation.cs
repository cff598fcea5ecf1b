using Microsoft.AspNetCore.OData.Query;
using Microsoft.AspNetCore.OData.Query.Validator;

namespace Scorecard.Api.OData;

/// <summary>The query options, functions and operators the feeds accept, and the library's own limits on
/// them.</summary>
internal static class FeedValidation
{
    public static ODataValidationSettings Settings(FeedLimits limits) =>
        new()
        {
            MaxTop = limits.MaxTop,
            MaxSkip = limits.MaxSkip,
            MaxNodeCount = limits.MaxNodeCount,
            MaxOrderByNodeCount = limits.MaxOrderByNodeCount,
            MaxExpansionDepth = 1,
            MaxAnyAllExpressionDepth = 1,
            AllowedQueryOptions =
                AllowedQueryOptions.Filter
                | AllowedQueryOptions.OrderBy
                | AllowedQueryOptions.Select
                | AllowedQueryOptions.Expand
                | AllowedQueryOptions.Top
                | AllowedQueryOptions.Skip
                | AllowedQueryOptions.Count
                | AllowedQueryOptions.SkipToken
                | AllowedQueryOptions.Format
                | AllowedQueryOptions.Apply,
            AllowedFunctions =
                AllowedFunctions.Contains
                | AllowedFunctions.StartsWith
                | AllowedFunctions.EndsWith
                | AllowedFunctions.ToLower
                | AllowedFunctions.ToUpper
                | AllowedFunctions.Trim
                | AllowedFunctions.Length
                | AllowedFunctions.Concat
                | AllowedFunctions.IndexOf
                | AllowedFunctions.Substring
                | AllowedFunctions.Year
                | AllowedFunctions.Month
                | AllowedFunctions.Day
                | AllowedFunctions.Hour
                | AllowedFunctions.Minute
                | AllowedFunctions.Second
                | AllowedFunctions.Date
                | AllowedFunctions.Time
                | AllowedFunctions.Cast
                | AllowedFunctions.Round
                | AllowedFunctions.Floor
                | AllowedFunctions.Ceiling,
            AllowedArithmeticOperators = AllowedArithmeticOperators.All,
            AllowedLogicalOperators = AllowedLogicalOperators.All & ~AllowedLogicalOperators.Has,
        };
}
