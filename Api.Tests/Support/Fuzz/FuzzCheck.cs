using System.Text;
using System.Text.Json;

namespace Scorecard.Api.Tests.Support.Fuzz;

/// <summary>
/// The rules every fuzzed answer must keep: an answer within the deadline, never a 5xx, an error
/// body that is a problem document (an OData error document under /odata) without stack traces,
/// exception names or database messages, and a scoped key's feed rows only from its subtree.
/// </summary>
internal static class FuzzCheck
{
    /// <summary>The subtree of the scoped key the fuzz uses (district P.A of the test province).</summary>
    public static readonly IReadOnlySet<string> ScopedSubtree = new HashSet<string>(
        ["P.A", "P.A.1", "P.A.2"],
        StringComparer.Ordinal
    );

    private static readonly string[] Leaks =
    [
        "   at ",
        "Exception",
        "StackTrace",
        "System.",
        "Microsoft.",
        "Scorecard.Api",
        "Scorecard.Infrastructure",
        "SQLite Error",
        "sqlite3",
        "no such table",
        "no such column",
        "SqlException",
        "Dapper",
        "near \"",
    ];

    public static string? Verify(FuzzRequest request, FuzzAnswer answer)
    {
        if (answer.Failure is not null)
        {
            // The server answers 413 as soon as a chunked body passes the limit and closes the
            // connection; a client still sending may see the reset before the answer.
            return
                request.Chunked
                && request.Body?.Length > FuzzGenerator.MaxBody
                && answer.Failure.StartsWith("transport", StringComparison.Ordinal)
                ? null
                : answer.Failure;
        }

        if (answer.Status >= 500)
        {
            return $"server error {answer.Status}";
        }

        if (request.ServerRefusal is { } refusal)
        {
            return answer.Status == refusal
                ? null
                : $"expected the server to refuse with {refusal}, got {answer.Status}";
        }

        if (request.ExpectedStatus is { } expected && answer.Status != expected)
        {
            return $"expected {expected}, got {answer.Status}";
        }

        var text = Encoding.UTF8.GetString(answer.Body);
        if (answer.Status >= 400 && Leaks.FirstOrDefault(l => text.Contains(l, StringComparison.Ordinal)) is { } leak)
        {
            return $"the body shows internals ('{leak}')";
        }

        if (request.Method == "HEAD")
        {
            return null;
        }

        if (answer.Status >= 400)
        {
            return request.IsOData ? ODataError(answer, text) : Problem(answer, text);
        }

        return request.Key == FuzzKey.ScopedIntegrator && request.IsOData && answer.Status == 200
            ? OutsideScope(request, text)
            : null;
    }

    public static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 300)));
        return body.Length > 300 ? text + $"…({body.Length:N0} bytes)" : text;
    }

    private static string? Problem(FuzzAnswer answer, string text)
    {
        if (answer.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
        {
            return $"a {answer.Status} that is not a problem document";
        }

        using var json = Parse(text);
        return
            json?.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("status", out var status)
            && status.ValueKind == JsonValueKind.Number
            && status.GetInt32() == answer.Status
            && json.RootElement.TryGetProperty("title", out var title)
            && title.ValueKind == JsonValueKind.String
            ? null
            : $"a {answer.Status} problem document without a matching status and a title";
    }

    private static string? ODataError(FuzzAnswer answer, string text)
    {
        if (answer.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            return $"a {answer.Status} under /odata that is not an OData error document";
        }

        using var json = Parse(text);
        return
            json?.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty("error", out var error)
            && error.ValueKind == JsonValueKind.Object
            && error.TryGetProperty("code", out var code)
            && code.ValueKind == JsonValueKind.String
            && error.TryGetProperty("message", out var message)
            && message.ValueKind == JsonValueKind.String
            && message.GetString()!.Length > 0
            ? null
            : $"a {answer.Status} under /odata without {{\"error\":{{\"code\",\"message\"}}}}";
    }

    /// <summary>Every unit code in a feed page of the scoped key (the row's own, and an expanded Unit's) is in its
    /// subtree.</summary>
    private static string? OutsideScope(FuzzRequest request, string text)
    {
        using var json = Parse(text);
        if (
            json?.RootElement.ValueKind != JsonValueKind.Object
            || !json.RootElement.TryGetProperty("value", out var rows)
            || rows.ValueKind != JsonValueKind.Array
        )
        {
            return null;
        }

        var unitsFeed = request.Target.StartsWith("/odata/Units", StringComparison.OrdinalIgnoreCase);
        foreach (var row in rows.EnumerateArray())
        {
            foreach (var code in UnitCodes(row, unitsFeed))
            {
                if (!ScopedSubtree.Contains(code))
                {
                    return $"the key limited to P.A saw a row of '{code}'";
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> UnitCodes(JsonElement row, bool unitsFeed)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (row.TryGetProperty("UnitCode", out var unitCode) && unitCode.ValueKind == JsonValueKind.String)
        {
            yield return unitCode.GetString()!;
        }

        if (unitsFeed && row.TryGetProperty("Code", out var code) && code.ValueKind == JsonValueKind.String)
        {
            yield return code.GetString()!;
        }

        if (
            row.TryGetProperty("Unit", out var unit)
            && unit.ValueKind == JsonValueKind.Object
            && unit.TryGetProperty("Code", out var expanded)
        )
        {
            yield return expanded.GetString()!;
        }
    }

    private static JsonDocument? Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
