using Microsoft.AspNetCore.Authentication;

namespace Scorecard.Api.Auth;

internal sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "ApiKey";

    /// <summary>A key accepted as admin without a database row (<c>Auth:BootstrapAdminKey</c>).</summary>
    public string? BootstrapAdminKey { get; set; }

    /// <summary>Visitors without a key may read the public figures (<c>Auth:PublicRead</c>; see <see
    /// cref="PublicRead"/>).</summary>
    public bool PublicRead { get; set; }
}
