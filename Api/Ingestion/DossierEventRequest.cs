using System.Text.Json;
using Scorecard.Domain.Dossiers;
using Scorecard.Domain.Wire;

namespace Scorecard.Api.Ingestion;

/// <summary>
/// One event as sent, read leniently from its JSON object so that a field of the wrong type is
/// reported for that event (in <see cref="TypeErrors"/>) instead of failing the whole request.
/// </summary>
internal sealed class DossierEventRequest
{
    public string? Id { get; private set; }
    public string? DossierCode { get; private set; }
    public string? Type { get; private set; }
    public string? At { get; private set; }
    public string? ProcedureCode { get; private set; }
    public string? UnitCode { get; private set; }
    public string? Channel { get; private set; }
    public string? DueAt { get; private set; }
    public string? Method { get; private set; }
    public bool? Digitised { get; private set; }
    public bool? PopulationDbUsed { get; private set; }
    public bool? FeeRequired { get; private set; }
    public bool? ElectronicResult { get; private set; }
    public long? Amount { get; private set; }

    public string? Reason { get; private set; }

    public long? FeeAmount { get; private set; }

    public bool? ReusedDigitisedData { get; private set; }

    public bool? FromPersonalDataStore { get; private set; }

    public bool? VneidAuthenticated { get; private set; }

    public string? Via { get; private set; }

    public bool? Satisfied { get; private set; }

    /// <summary><see cref="At"/> parsed once (null when absent or not an instant with an offset).</summary>
    public DateTimeOffset? AtInstant { get; private set; }

    /// <summary><see cref="DueAt"/> parsed once (null when absent or not an instant with an offset).</summary>
    public DateTimeOffset? DueAtInstant { get; private set; }

    public List<(string Field, string Message)> TypeErrors { get; } = [];

    public static DossierEventRequest From(JsonElement json)
    {
        var request = new DossierEventRequest();
        if (json.ValueKind != JsonValueKind.Object)
        {
            request.TypeErrors.Add(("", "Each event must be a JSON object."));
            return request;
        }

        foreach (var property in json.EnumerateObject())
        {
            request.Read(property);
        }

        request.AtInstant = InstantText.TryParse(request.At, out var at) ? at : null;
        request.DueAtInstant = InstantText.TryParse(request.DueAt, out var due) ? due : null;
        return request;
    }

    private void Read(JsonProperty property)
    {
        var value = property.Value;
        string name;
        try
        {
            name = property.Name;
        }
        catch (InvalidOperationException)
        {
            // A name that unescapes to invalid UTF-16 (a lone surrogate such as "\ud800") is no field of an event.
            return;
        }

        switch (name)
        {
            case "id":
                Id = Text(property);
                break;
            case "dossierCode":
                DossierCode = Text(property);
                break;
            case "type":
                Type = Text(property);
                break;
            case "at":
                At = Text(property);
                break;
            case "procedureCode":
                ProcedureCode = Text(property);
                break;
            case "unitCode":
                UnitCode = Text(property);
                break;
            case "channel":
                Channel = Text(property);
                break;
            case "dueAt":
                DueAt = Text(property);
                break;
            case "method":
                Method = Text(property);
                break;
            case "reason":
                Reason = Text(property);
                break;
            case "via":
                Via = Text(property);
                break;
            case "reusedDigitisedData":
                ReusedDigitisedData = Flag(property);
                break;
            case "fromPersonalDataStore":
                FromPersonalDataStore = Flag(property);
                break;
            case "vneidAuthenticated":
                VneidAuthenticated = Flag(property);
                break;
            case "satisfied":
                Satisfied = Flag(property);
                break;
            case "feeAmount":
                FeeAmount = Whole(property, "'feeAmount' must be a whole number of đồng.");
                break;
            case "digitised":
                Digitised = Flag(property);
                break;
            case "populationDbUsed":
                PopulationDbUsed = Flag(property);
                break;
            case "feeRequired":
                FeeRequired = Flag(property);
                break;
            case "electronicResult":
                ElectronicResult = Flag(property);
                break;
            case "amount":
                Amount = Whole(property, "'amount' must be a whole number of đồng.");
                break;
            default:
                break;
        }
    }

    private long? Whole(JsonProperty property, string message)
    {
        if (property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetInt64(out var whole))
        {
            return whole;
        }

        if (property.Value.ValueKind != JsonValueKind.Null)
        {
            TypeErrors.Add((property.Name, message));
        }

        return null;
    }

    private string? Text(JsonProperty property)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return property.Value.GetString();
                }
                catch (InvalidOperationException)
                {
                    // The text unescapes to invalid UTF-16 (a lone surrogate such as "\ud800").
                    TypeErrors.Add((property.Name, $"'{property.Name}' must be valid Unicode text."));
                    return null;
                }

            case JsonValueKind.Null:
                return null;
            default:
                TypeErrors.Add((property.Name, $"'{property.Name}' must be a string."));
                return null;
        }
    }

    private bool? Flag(JsonProperty property)
    {
        switch (property.Value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Null:
                return null;
            default:
                TypeErrors.Add((property.Name, $"'{property.Name}' must be true or false."));
                return null;
        }
    }

    /// <summary>The domain event, with only the fields its type carries (call after validation).</summary>
    public DossierEvent ToEvent()
    {
        var type = WireName.Parse<DossierEventType>(Type!);
        if (AtInstant is not { } at)
        {
            throw new InvalidOperationException("Validate the event before converting it.");
        }

        var due = DueAtInstant?.ToUniversalTime();
        var e = new DossierEvent(Id!, DossierCode!, type, at.ToUniversalTime(), 0);
        return type switch
        {
            DossierEventType.Received => e with
            {
                ProcedureCode = ProcedureCode,
                UnitCode = UnitCode,
                Channel = WireName.Parse<Channel>(Channel!),
                DueAt = due,
                Digitised = Digitised,
                PopulationDbUsed = PopulationDbUsed,
                FeeRequired = FeeRequired,
                FeeAmount = FeeAmount,
                ReusedDigitisedData = ReusedDigitisedData,
                FromPersonalDataStore = FromPersonalDataStore,
                VneidAuthenticated = VneidAuthenticated,
            },
            DossierEventType.DueChanged => e with { DueAt = due, Reason = WireName.Parse<DueChangeReason>(Reason!) },
            DossierEventType.SupplementCompleted => e with { DueAt = due },
            DossierEventType.Paid => e with
            {
                PaymentMethod = WireName.Parse<PaymentMethod>(Method!),
                Amount = Amount,
                PaidVia = Via is null ? null : WireName.Parse<PaymentChannel>(Via),
            },
            DossierEventType.Feedback => e with { Satisfied = Satisfied },
            DossierEventType.Resolved or DossierEventType.Returned or DossierEventType.ResultIssued => e with
            {
                ElectronicResult = ElectronicResult,
            },
            _ => e,
        };
    }
}
