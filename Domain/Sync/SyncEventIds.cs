using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Scorecard.Domain.Sync;

/// <summary>
/// The ids of events derived from synced dossiers: the same dossier and fact give the same id whenever and
/// however often they are sent, so a fact is stored once.
/// </summary>
public static class SyncEventIds
{
    public const string Prefix = "sync-";

    public static string Of(string dossierCode, string fact)
    {
        ArgumentNullException.ThrowIfNull(dossierCode);
        ArgumentNullException.ThrowIfNull(fact);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(dossierCode + "\n" + fact));
        return Prefix + Convert.ToHexStringLower(hash, 0, 12);
    }

    /// <summary>A fact that happened at an instant (a supplement request, a new promised date).</summary>
    public static string Of(string dossierCode, string fact, DateTimeOffset at) =>
        Of(dossierCode, fact + "|" + at.UtcTicks.ToString(CultureInfo.InvariantCulture));
}
