using Scorecard.Domain.Dossiers;
using Scorecard.Infrastructure.Dossiers;

namespace Scorecard.Infrastructure.Ingestion;

/// <summary>
/// A dossier's identity inside the writer: its source and its code in one string. Neither holds a
/// '/' (both are codes: letters, digits, '.', '-', '_'), so the pair reads back unambiguously.
/// </summary>
internal static class DossierKey
{
    public static string Of(string source, string code) => string.Concat(source, "/", code);

    public static string Of(DossierEvent e) => Of(e.Source, e.DossierCode);

    public static string Of(DossierRow row) => Of(row.Source, row.Code);

    /// <summary>The keys as a JSON array of [source, code] pairs (the SQL parameter of the dossier look-ups).</summary>
    public static string ToJsonPairs(IEnumerable<string> keys) =>
        System.Text.Json.JsonSerializer.Serialize(keys.Select(k => k.Split('/', 2)));
}
