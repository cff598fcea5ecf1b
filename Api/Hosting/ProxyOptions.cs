using System.Net;

namespace Scorecard.Api.Hosting;

/// <summary>
/// How the service learns the address clients use (configuration section <c>Proxy</c>): reverse proxies it
/// trusts for <c>X-Forwarded-Proto/Host/Prefix</c>, or a fixed public base URL. Next links and context URLs are
/// written with it; without either they carry the address the request arrived on.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the reverse proxies whose forwarded headers are honoured (e.g. <c>10.0.0.5</c>).</summary>
    public List<string> KnownProxies { get; } = [];

    /// <summary>Networks of such proxies in CIDR notation (e.g. <c>10.0.0.0/24</c>).</summary>
    public List<string> KnownNetworks { get; } = [];

    /// <summary>The public address of the service (e.g. <c>https://scorecard.example/api-root</c>): every link is
    /// written with its scheme, host and path, whatever the request's Host or forwarded headers say.</summary>
    public Uri? PublicBaseUrl { get; set; }

    internal IEnumerable<string> Problems()
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return $"Proxy:KnownProxies: '{proxy}' is not an IP address.";
        }

        foreach (var network in KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            yield return $"Proxy:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/24).";
        }

        if (
            PublicBaseUrl is { } url
            && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || url.Query.Length > 0)
        )
        {
            yield return $"Proxy:PublicBaseUrl: '{url}' is not an absolute http(s) URL without a query.";
        }
    }
}
