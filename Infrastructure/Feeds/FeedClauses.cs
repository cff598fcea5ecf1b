using Microsoft.OData.UriParser;

namespace Scorecard.Infrastructure.Feeds;

/// <summary>The parsed query options a feed translates (from the request, or straight from an OData URI
/// parser).</summary>
internal sealed record FeedClauses(
    FilterClause? Filter,
    OrderByClause? OrderBy,
    SelectExpandClause? SelectExpand,
    long? Top,
    long? Skip,
    string? SkipToken,
    FeedLookup? Lookup = null
);
