using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Database;
using Scorecard.Infrastructure.Keys;

namespace Scorecard.Api.Auth;

/// <summary>
/// Accepts a key from <c>X-Api-Key</c> or as the password of HTTP Basic (what Excel and Power BI
/// send). Challenges and refusals are problem documents; a challenge offers Basic so those clients prompt.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<ApiKeyOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyCache keys,
    IProblemDetailsService problems
) : AuthenticationHandler<ApiKeyOptions>(options, logger, encoder)
{
    public const string HeaderName = "X-Api-Key";
    private const int MaxKeyLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null)
        {
            return Options.PublicRead && PublicRead.IsPublicRoute(Context)
                ? Success(PublicRead.Role, null, null, PublicRead.Source, PublicRead.Source)
                : AuthenticateResult.NoResult();
        }

        if (presented.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        if (
            Options.BootstrapAdminKey is { Length: > 0 } bootstrap
            && ApiKeySecrets.Matches(presented, ApiKeySecrets.Hash(bootstrap))
        )
        {
            return Success(Roles.Admin, null, null, "bootstrap", ApiKey.BootstrapSource);
        }

        var key = await keys.FindAsync(presented, Context.RequestAborted).ConfigureAwait(false);
        return key is null
            ? AuthenticateResult.Fail("The API key is not valid or has been revoked.")
            : Success(WireName.Of(key.Role), key.UnitCode, key.Id, key.Name, key.Source);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"Scorecard\", charset=\"UTF-8\"";
        var failure = Context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Failure?.Message;
        await WriteProblemAsync(
                StatusCodes.Status401Unauthorized,
                "Unauthorized",
                failure
                    ?? $"Send an API key in the {HeaderName} header or as the password of HTTP Basic "
                        + $"authentication."
            )
            .ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindFirstValue(ClaimTypes.Role);
        return WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "Forbidden",
            $"A key with role '{role}' may not use this route."
        );
    }

    private string? PresentedKey()
    {
        if (
            Request.Headers.TryGetValue(HeaderName, out var header)
            && header.Count == 1
            && !string.IsNullOrWhiteSpace(header[0])
        )
        {
            return header[0]!.Trim();
        }

        if (
            AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var auth)
            && string.Equals(auth.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && auth.Parameter is { Length: > 0 and < 1024 }
        )
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth.Parameter));
                var colon = pair.IndexOf(':', StringComparison.Ordinal);
                return colon >= 0 && colon < pair.Length - 1 ? pair[(colon + 1)..] : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }

    private AuthenticateResult Success(string role, string? unitCode, string? keyId, string name, string source)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Role, role),
            new(ClaimTypes.Name, name),
            new(Roles.SourceClaim, source),
        };
        if (unitCode is not null)
        {
            claims.Add(new Claim(Roles.UnitScopeClaim, unitCode));
        }

        if (keyId is not null)
        {
            claims.Add(new Claim(Roles.KeyIdClaim, keyId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        await problems
            .WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = Context,
                    ProblemDetails =
                    {
                        Status = status,
                        Title = title,
                        Detail = detail,
                    },
                }
            )
            .ConfigureAwait(false);
    }
}
