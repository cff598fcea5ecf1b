using System.Text.Json;

namespace Scorecard.Bench.Crash;

/// <summary>The counts of a 200 answer to a batch of dossier events.</summary>
internal sealed record CrashAnswer(int Accepted, int Duplicates, int Rejected)
{
    public static CrashAnswer Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new CrashAnswer(
            root.GetProperty("accepted").GetInt32(),
            root.GetProperty("duplicates").GetInt32(),
            root.GetProperty("rejected").GetArrayLength()
        );
    }
}
