namespace Scorecard.Api.OData;

/// <summary>The bounds every feed query is held to (configuration section <c>OData</c>); a query beyond one is a 400
/// naming it.</summary>
public sealed class FeedLimits
{
    public const string Section = "OData";

    /// <summary>Rows per page when the client does not ask (Prefer: odata.maxpagesize).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>The largest page a client may ask for with Prefer: odata.maxpagesize.</summary>
    public int MaxPageSize { get; set; } = 10_000;

    public int MaxTop { get; set; } = 1_000_000;

    public int MaxSkip { get; set; } = 1_000_000;

    public int MaxNodeCount { get; set; } = 250;

    public int MaxOrderByNodeCount { get; set; } = 5;

    /// <summary>Rows an expanded collection (<c>$expand=Dossiers</c>) holds per row at most.</summary>
    public int MaxExpandedRows { get; set; } = Scorecard.Infrastructure.Feeds.FeedQuery.DefaultMaxExpandedRows;

    public int MaxUrlLength { get; set; } = 4096;

    public int QueryTimeoutSeconds { get; set; } = 30;

    /// <summary>Feed queries one key may have running at once; more are answered 429 with Retry-After.</summary>
    public int MaxConcurrentQueriesPerKey { get; set; } = 2;

    /// <summary>Write minimal-metadata JSON pages and <c>$count</c> answers directly (the OData serializer still
    /// serves every other format).</summary>
    public bool WriteJsonDirectly { get; set; } = true;
}
