using Scorecard.Api.Validation;
using Scorecard.Domain.Sync;
using Scorecard.Domain.Wire;

namespace Scorecard.Api.Sync;

/// <summary>Reads the body of <c>PUT /api/sync/status-mappings</c>, naming each bad item.</summary>
internal static class StatusMappingRequest
{
    public static (StatusMapping? Mapping, Dictionary<string, string[]> Errors) ToMapping(StatusMappingView request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Statuses is not { Count: > 0 and <= StatusMapping.MaxCodes })
        {
            errors["statuses"] = [$"'statuses' must hold from 1 to {StatusMapping.MaxCodes} codes."];
            return (null, errors);
        }

        var codes = new Dictionary<string, SyncStatus>(StringComparer.Ordinal);
        for (var i = 0; i < request.Statuses.Count; i++)
        {
            var item = request.Statuses[i];
            var field = $"statuses[{i}]";
            if (
                item?.Code is not { Length: > 0 and <= ValidationExtensions.MaxCodeLength } code
                || !ValidationExtensions.IsCodeText(code)
            )
            {
                errors[field + ".code"] = ["'code' must be 1–64 letters, digits, '.', '-' or '_'."];
                continue;
            }

            if (!WireName.TryParse<SyncStatus>(item.Meaning, out var meaning))
            {
                errors[field + ".meaning"] =
                [
                    $"'meaning' must be one of: {string.Join(", ", WireName.All<SyncStatus>())}.",
                ];
                continue;
            }

            if (!codes.TryAdd(code, meaning))
            {
                errors[field + ".code"] = [$"Code '{code}' is listed twice."];
            }
        }

        return errors.Count > 0 ? (null, errors) : (new StatusMapping(codes), errors);
    }
}
