namespace Scorecard.Infrastructure.Keys;

/// <summary>
/// A key as listed: never its plaintext, which is shown once at creation. <paramref name="Source"/> is
/// the integrator the key speaks for: event ids and dossier codes are that source's own, and a key
/// that replaces another of the same integrator is created with the same source.
/// </summary>
public sealed record ApiKey(
    string Id,
    string Name,
    ApiKeyRole Role,
    string? UnitCode,
    string Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt
)
{
    /// <summary>The source of the events sent with the bootstrap admin key (configuration, not a stored key).</summary>
    public const string BootstrapSource = "bootstrap";
}
