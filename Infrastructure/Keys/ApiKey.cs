namespace Scorecard.Infrastructure.Keys;

/// <summary>A key as listed: never its plaintext, which is shown once at creation.</summary>
public sealed record ApiKey(string Id, string Name, ApiKeyRole Role, string? UnitCode, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
