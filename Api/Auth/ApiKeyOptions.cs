using Microsoft.AspNetCore.Authentication;

namespace Scorecard.Api.Auth;

internal sealed class ApiKeyOptions : AuthenticationSchemeOptions
{
    public const string Scheme = "ApiKey";

    /// <summary>A key accepted as admin without a database row (<c>Auth:BootstrapAdminKey</c>).</summary>
    public string? BootstrapAdminKey { get; set; }
}
