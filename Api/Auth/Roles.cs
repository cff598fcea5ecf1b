namespace Scorecard.Api.Auth;

/// <summary>Authorization policy names and the claims an API key carries.</summary>
internal static class Roles
{
    public const string Admin = "admin";
    public const string Analyst = "analyst";
    public const string Integrator = "integrator";

    /// <summary>Policy: admin keys only.</summary>
    public const string AdminPolicy = "admin";

    /// <summary>Policy: keys that may push dossier events (integrator, admin).</summary>
    public const string IngestPolicy = "ingest";

    /// <summary>Claim holding the code of the unit whose subtree a key is limited to.</summary>
    public const string UnitScopeClaim = "scorecard:unit";

    /// <summary>Claim holding the source the key speaks for (the integrator its events belong to).</summary>
    public const string SourceClaim = "scorecard:source";

    /// <summary>Claim holding the key id (absent for the bootstrap key).</summary>
    public const string KeyIdClaim = "scorecard:key";
}
