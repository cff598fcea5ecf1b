namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>Which credentials a fuzzed request carries.</summary>
internal enum FuzzKey
{
    Admin,
    Analyst,
    ScopedIntegrator,
    Revoked,
    Wrong,
    None,
}

/// <summary>
/// One generated request, sent exactly as written: <see cref="Target"/> is the raw path and query
/// (no canonicalisation), headers go out unvalidated, the body as these bytes.
/// </summary>
internal sealed record FuzzRequest(string Category, string Method, string Target, FuzzKey Key)
{
    public List<(string Name, string Value)> Headers { get; init; } = [];

    public byte[]? Body { get; init; }

    /// <summary>The Content-Type header of the body, or null to send none.</summary>
    public string? ContentType { get; init; }

    /// <summary>Send the body chunked (no Content-Length).</summary>
    public bool Chunked { get; init; }

    /// <summary>
    /// Set when the request breaks an HTTP limit the server enforces before the application sees it
    /// (request line, header size, characters of the path): the status it must be answered with.
    /// </summary>
    public int? ServerRefusal { get; init; }

    /// <summary>Set when the request must get exactly this status (a body over the limit: 413).</summary>
    public int? ExpectedStatus { get; init; }

    /// <summary>True when the path, as the server reads it (dot segments resolved), is under /odata.</summary>
    public bool IsOData =>
        new Uri(
            "http://server" + Target.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase)
        ).AbsolutePath.StartsWith("/odata", StringComparison.OrdinalIgnoreCase);

    /// <summary>A one-line description for failure reports (long targets and bodies shortened).</summary>
    public string Describe()
    {
        var target = Target.Length > 200 ? $"{Target[..200]}…({Target.Length:N0} chars)" : Target;
        var body =
            Body is null ? "no body"
            : Body.Length > 200 ? $"{Body.Length:N0}-byte body starting {Printable(Body.AsSpan(0, 120))}"
            : $"body {Printable(Body)}";
        var headers =
            Headers.Count == 0
                ? ""
                : " headers "
                    + string.Join(
                        "; ",
                        Headers.Select(h =>
                            $"{h.Name}: "
                            + $"{(h.Value.Length > 60 ? h.Value[..60] + $"…({h.Value.Length:N0})" : h.Value)}"
                        )
                    );
        return $"[{Category}] {Method} {target} key={Key} "
            + $"type={ContentType ?? "none"}{(Chunked ? " chunked" : "")}{headers}; {body}";
    }

    private static string Printable(ReadOnlySpan<byte> bytes) =>
        System.Text.Encoding.UTF8.GetString(bytes).Replace("\n", "\\n", StringComparison.Ordinal);
}
