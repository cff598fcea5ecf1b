using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.OData.Query;
using Microsoft.Extensions.Options;

namespace Scorecard.BenchPeer;

/// <summary>The peer's options (section <c>Peer</c>).</summary>
internal sealed class PeerOptions
{
    /// <summary>Rows per response page; larger results end with an <c>@odata.nextLink</c>.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>The largest <c>$top</c> accepted.</summary>
    public int MaxTop { get; set; } = 1_000_000;
}

/// <summary>
/// <c>[EnableQuery(PageSize = N, MaxTop = M)]</c> with N and M taken from <see cref="PeerOptions"/>
/// (an attribute argument has to be a constant).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PagedQueryAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider)
    {
        var options = serviceProvider.GetRequiredService<IOptions<PeerOptions>>().Value;
        return new EnableQueryAttribute { PageSize = options.PageSize, MaxTop = options.MaxTop };
    }
}
