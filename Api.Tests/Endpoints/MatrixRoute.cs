using System.Net;
using System.Text.Json;

namespace Scorecard.Api.Tests.Endpoints;

/// <summary>Who may use a route (README "Security"): anyone, any key, admin keys, or keys that push events (integrator,
/// admin).</summary>
internal enum Access
{
    Open,
    Read,
    Admin,
    Ingest,
}

/// <summary>What a key limited to P.A gets from a read that points into P.B.</summary>
internal enum ScopedRead
{
    /// <summary>Province-wide reference data: the same answer as any key.</summary>
    ProvinceWide,

    /// <summary>403 naming the unit.</summary>
    Forbidden,

    /// <summary>404 with the answer given for something that does not exist (the route names one tenant's
    /// thing).</summary>
    Hidden,

    /// <summary>200 listing rows of its own subtree only.</summary>
    Rows,

    /// <summary>200 counting none of the other subtree's rows (the URL selects only those).</summary>
    Count,
}

/// <summary>What an admin key limited to P.A gets from a route only admin keys may use.</summary>
internal enum ScopedWrite
{
    /// <summary>403: a key limited to a unit may not change province-wide reference data.</summary>
    ProvinceWideOnly,

    /// <summary>403 naming the unit of P.B the request writes for.</summary>
    Forbidden,

    /// <summary>The same success as a province-wide admin key, within its subtree.</summary>
    Allowed,
}

/// <summary>One route of the matrix: the URL each key is sent to, who may use it and what a scoped key sees.</summary>
internal sealed record MatrixRoute(string Url, Access Access)
{
    public ScopedRead Scoped { get; init; } = ScopedRead.ProvinceWide;

    /// <summary>With <c>Auth:PublicRead</c> on, a visitor without a key reads it as a province-wide key would
    /// (README "Public figures"); every other route still answers 401 to such a visitor.</summary>
    public bool Public { get; init; }

    /// <summary>For an admin-only route, what an admin key limited to P.A gets.</summary>
    public ScopedWrite ScopedAdmin { get; init; } = ScopedWrite.ProvinceWideOnly;

    /// <summary>What the 404 a scoped key gets from a <see cref="ScopedRead.Hidden"/> route says.</summary>
    public string HiddenMessage { get; init; } = "has no events visible to this key";

    /// <summary>The unit a 403 of a scoped key names.</summary>
    public string? Unit { get; init; }

    /// <summary>The unit codes of the rows in an answer.</summary>
    public Func<JsonElement, IEnumerable<string>>? Units { get; init; }

    /// <summary>The body sent (by every key), given a number that keeps ids unique.</summary>
    public Func<int, string>? Body { get; init; }

    /// <summary>For an admin key, province-wide or limited to P.A: creates what the route deletes and returns the URL
    /// to use.</summary>
    public Func<HttpClient, Task<string>>? Prepare { get; init; }

    public HttpStatusCode Success { get; init; } = HttpStatusCode.OK;
}
