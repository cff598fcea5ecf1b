using System.Globalization;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Wire;

namespace Scorecard.Infrastructure.Seed;

/// <summary>An event in the JSON shape integrators send (README "Pushing dossier events"), for clients of the API:
/// tests and benchmarks.</summary>
public static class DossierEventWire
{
    public static Dictionary<string, object> ToJson(DossierEvent e)
    {
        var json = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["id"] = e.Id,
            ["dossierCode"] = e.DossierCode,
            ["type"] = WireName.Of(e.Type),
            ["at"] = Instant(e.At),
        };
        Put(json, "procedureCode", e.ProcedureCode);
        Put(json, "unitCode", e.UnitCode);
        Put(json, "channel", e.Channel is { } c ? WireName.Of(c) : null);
        Put(json, "dueAt", e.DueAt is { } d ? Instant(d) : null);
        Put(json, "digitised", e.Digitised);
        Put(json, "populationDbUsed", e.PopulationDbUsed);
        Put(json, "feeRequired", e.FeeRequired);
        Put(json, "method", e.PaymentMethod is { } m ? WireName.Of(m) : null);
        Put(json, "amount", e.Amount);
        Put(json, "electronicResult", e.ElectronicResult);
        Put(json, "reason", e.Reason is { } r ? WireName.Of(r) : null);
        Put(json, "feeAmount", e.FeeAmount);
        Put(json, "reusedDigitisedData", e.ReusedDigitisedData);
        Put(json, "fromPersonalDataStore", e.FromPersonalDataStore);
        Put(json, "vneidAuthenticated", e.VneidAuthenticated);
        Put(json, "via", e.PaidVia is { } v ? WireName.Of(v) : null);
        Put(json, "satisfied", e.Satisfied);
        return json;
    }

    /// <summary>Vietnam local time with its offset, as a one-stop-shop system would send it.</summary>
    private static string Instant(DateTimeOffset at) =>
        at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static void Put(Dictionary<string, object> json, string name, object? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
