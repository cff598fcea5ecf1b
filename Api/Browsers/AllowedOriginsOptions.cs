namespace Scorecard.Api.Browsers;

/// <summary>The settings of section <c>Cors</c>: which web pages may call the API from a browser.</summary>
internal sealed class AllowedOriginsOptions
{
    public const string Section = "Cors";

    /// <summary>Origins (<c>https://portal.example</c>) whose pages may read the answers; none by default.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>True when every origin is a scheme, a host and perhaps a port, and nothing more.</summary>
    public bool AreValid() => AllowedOrigins.All(IsOrigin);

    private static bool IsOrigin(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/"
        && uri.Query.Length == 0
        && uri.Fragment.Length == 0
        && uri.UserInfo.Length == 0;
}
