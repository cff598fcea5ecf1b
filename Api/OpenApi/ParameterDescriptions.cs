using System.Collections.Frozen;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Scorecard.Domain.Indicators;
using Scorecard.Domain.Levels;
using Scorecard.Domain.Periods;
using Scorecard.Domain.Wire;
using Scorecard.Infrastructure.Indicators;

namespace Scorecard.Api.OpenApi;

/// <summary>
/// What each query and path parameter means, by the name routes bind it under, so a new route that reads
/// <c>period</c> or <c>level</c> is described as the others are. Fixed values come from the domain's wire
/// names. Parameters are optional unless listed in <see cref="Required"/>: the routes answer 400 naming a
/// missing one rather than failing at binding, so the contract says which ones they insist on.
/// </summary>
internal static class ParameterDescriptions
{
    public sealed record Spec(
        string Description,
        IReadOnlyList<string>? Values = null,
        string? Pattern = null,
        string? Example = null
    );

    public static readonly FrozenDictionary<string, Spec> ByName = new Dictionary<string, Spec>(StringComparer.Ordinal)
    {
        ["code"] = new("The code of the thing the path names (unit, procedure, indicator or dossier)."),
        ["unitCode"] = new("A unit's code (tỉnh, sở/ban/ngành, huyện or xã), e.g. 49 or 49.01.", Example: "49"),
        ["parentCode"] = new(
            "The unit under which units are listed; default the key's unit, else the whole tree (every province of a "
                + "national deployment).",
            Example: "49"
        ),
        ["period"] = new(
            "A month (2023-07), quarter (2023-Q3), half-year (2023-H2), year (2023) or a date range "
                + "(2023-07-01..2023-09-30).",
            Example: "2025-H1"
        ),
        ["kind"] = new(
            "Only the units of this kind: localities (tỉnh, huyện, xã) or agencies (sở, ban, ngành); both when absent.",
            WireName.All<UnitKind>()
        ),
        ["level"] = new("The administrative tier [cấp] of the units.", WireName.All<UnitLevel>(), Example: "commune"),
        ["rule"] = new(
            "When a dossier counts as on time: national (the national rule, the default) or finished "
                + "(finished dossiers only).",
            WireName.All<OnTimeRule>()
        ),
        ["structure"] = new(
            "Whose units the figures are read in: as-of (as they were, the default), current (today's "
                + "units) or a date (yyyy-MM-dd).",
            Pattern: @"^(as-of|current|\d{4}-\d{2}-\d{2})$"
        ),
        ["scope"] = new(
            "subtree (the unit and every unit under it, the default) or self (its own dossiers).",
            ["subtree", "self"]
        ),
        ["interval"] = new("The step between points (default day).", WireName.All<SeriesInterval>()),
        ["revised"] = new("true for the live figures beside the published ones of a closed period.", ["true", "false"]),
        ["indicator"] = new(
            "An indicator's code (built in: "
                + string.Join(
                    ", ",
                    IndicatorDefaults.All.Where(i => i.Kind == IndicatorKind.BuiltIn).Select(i => i.Code)
                )
                + "; or a reported one), or index (the national index) or one of its groups (index.progress, …).",
            Example: IndicatorCodes.OnTime
        ),
        ["from"] = new("The start of the range (a day, yyyy-MM-dd), inclusive."),
        ["to"] = new("The end of the range (a day, yyyy-MM-dd), inclusive."),
        ["date"] = new("A calendar day (yyyy-MM-dd)."),
        ["validOn"] = new("Only units valid on this day (yyyy-MM-dd)."),
        ["q"] = new("Part of the unit's name; accents and case are ignored (Hoa Vang finds Hòa Vang)."),
        ["top"] = new("Rows to return at most."),
        ["skip"] = new("Rows to skip."),
        ["limit"] = new("Entries to return at most."),
        ["continuation"] = new("The continuation of the previous page's answer."),
        ["entity"] = new("Only changes to this kind of entity."),
        ["key"] = new("Only changes made with this key id."),
        ["id"] = new("The key's id."),
        ["source"] = new("The source system the dossiers come from (an admin key names it; others speak for theirs)."),
        ["Accept-Language"] = new(
            "The language of names, labels and descriptions: vi (the default) or en, q-values honoured (en-US;q=0.9); "
                + "any other answers in Vietnamese.",
            Example: "en"
        ),
        ["MaDinhDanhDV"] = new("The national identifier of the unit the dossiers belong to (mã định danh)."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Query parameters a route answers 400 without, as "route pattern?name".</summary>
    public static readonly FrozenSet<string> Required = FrozenSet.Create(
        StringComparer.Ordinal,
        "api/scorecards/{unitCode}?period",
        "api/index/{unitCode}?period",
        "api/index/{unitCode}/points-lost?period",
        "api/map?period",
        "api/map?level",
        "api/map?indicator",
        "api/rankings?period",
        "api/rankings?level",
        "api/series?unitCode",
        "api/series?from",
        "api/series?to"
    );

    public static void Describe(OpenApiParameter parameter, string route)
    {
        if (parameter.Name is null || !ByName.TryGetValue(parameter.Name, out var spec))
        {
            return;
        }

        parameter.Description ??= spec.Description;
        if (spec.Example is { } example)
        {
            parameter.Example ??= JsonValue.Create(example);
        }

        if (Required.Contains(route + "?" + parameter.Name))
        {
            parameter.Required = true;
        }

        if (parameter.Schema is not OpenApiSchema schema || schema.Type != JsonSchemaType.String)
        {
            return;
        }

        if (spec.Values is { } values)
        {
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }
        else if (spec.Pattern is { } pattern && schema.Format is null)
        {
            schema.Pattern = pattern;
        }
    }
}
