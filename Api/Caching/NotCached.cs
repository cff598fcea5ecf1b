using Microsoft.AspNetCore.Http.Features;

namespace Scorecard.Api.Caching;

/// <summary>
/// Marks routes whose answers no cache may keep and that carry no ETag (the keys): <c>Cache-Control: no-store</c>,
/// as every write and error has. Their answers are not compressed over HTTPS either, so a key's plaintext never
/// sits in a compressed stream next to text a client chose (BREACH).
/// </summary>
internal static class NotCached
{
    public static TBuilder IsNotCached<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(Marker.Instance);

    public static bool Applies(Endpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata.GetMetadata<Marker>() is not null;
    }

    public static void DoNotCompress(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IHttpsCompressionFeature>() is { } https)
        {
            https.Mode = HttpsCompressionMode.DoNotCompress;
        }
    }

    private sealed class Marker
    {
        public static readonly Marker Instance = new();
    }
}
